package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.Lines;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import io.cloudist.aws.client.WorkerNetwork;
import io.cloudist.aws.image.WorkerImages;
import io.cloudist.aws.setup.AwsCloudAdmin;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.store.Store;
import io.cloudist.testing.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/** An account in moto after {@code cloudist:setup}, with provisioners over {@link FaultyEc2}. */
final class Ec2Fixture implements AutoCloseable {
    static final String STORE = "s3://team-bucket/ci";
    static final List<BlobRef> BUNDLE = List.of(new BlobRef("ab12", 100, BlobRef.Kind.JAR, "worker.jar"));

    final Lines lines = new Lines();
    final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T12:00:00Z"));
    final AwsClients aws;
    final FaultyEc2 ec2;
    /** The run's store, as the provisioner sees it: warm-pool claims and offers to new workers go here. */
    final Store store;

    /** Keeps the store's documents in {@code documents}, a directory the test owns and cleans up. */
    Ec2Fixture(Path documents) {
        store = new StoreAt(STORE, documents);
        new AwsCloudAdmin().setup(Settings.ec2(), STORE, new Lines());
        aws = new AwsClients(Settings.ec2());
        ec2 = new FaultyEc2(aws.ec2());
    }

    Ec2Provisioner provisioner(CloudSettings settings) {
        return provisioner(settings, null);
    }

    /** A provisioner whose instances boot from {@code images}' worker image. */
    Ec2Provisioner provisioner(CloudSettings settings, WorkerImages images) {
        String vpc = WorkerNetwork.defaultVpc(aws.ec2(), MotoExtension.REGION);
        LaunchContext context = new LaunchContext(
                MotoExtension.REGION,
                WorkerNetwork.securityGroup(aws.ec2(), vpc).orElseThrow(),
                aws.sts().getCallerIdentity().arn(),
                aws.sts().getCallerIdentity().account(),
                "");
        return new Ec2Provisioner(
                store, ec2, new AmiResolver(ec2, aws.ssm()), settings, context, lines, clock, () -> {}, images);
    }

    /** The user data of an instance, as it boots it. */
    String userData(String instanceId) {
        return new String(
                java.util.Base64.getDecoder()
                        .decode(aws.ec2()
                                .describeInstanceAttribute(
                                        r -> r.instanceId(instanceId).attribute("userData"))
                                .userData()
                                .value()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    static WorkerLaunch launch(int workers) {
        return new WorkerLaunch(STORE, "run-1", workers, BUNDLE, 45);
    }

    /** Every instance tagged as cloudist's, in any state. */
    List<Instance> instances() {
        return aws.ec2().describeInstances(r -> r.filters(filter("tag:cloudist", "true"))).reservations().stream()
                .flatMap(r -> r.instances().stream())
                .toList();
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Override
    public void close() {
        aws.close();
    }
}
