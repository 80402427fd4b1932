package io.cloudist.aws.ec2;

import static io.cloudist.aws.ec2.Ec2Fixture.filter;
import static io.cloudist.aws.ec2.Ec2Fixture.launch;
import static io.cloudist.aws.ec2.Ec2Fixture.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.PoolOffer;
import io.cloudist.core.protocol.PoolState;
import io.cloudist.core.provision.WorkerBundle;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.store.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceLifecycleType;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

@ExtendWith(MotoExtension.class)
class Ec2ProvisionerTest {
    @TempDir
    Path documents;

    private Ec2Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Ec2Fixture(documents);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void packsWorkersOntoTheCheapestSpotInstances() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        List<WorkerHandle> handles = provisioner.start(launch(5));

        Map<String, List<String>> byInstance = handles.stream()
                .collect(Collectors.groupingBy(
                        h -> ((Ec2Worker) h).instanceId(), Collectors.mapping(WorkerHandle::id, Collectors.toList())));
        assertThat(byInstance).hasSize(3);
        assertThat(byInstance.values()).extracting(List::size).containsExactlyInAnyOrder(2, 2, 1);
        byInstance.forEach((instance, ids) -> assertThat(ids).startsWith(instance + "-0"));
        assertThat(fx.lines.texts())
                .containsExactly(
                        "cloudist: Launching 3 × c7g.xlarge spot in eu-west-1 ($0.0000/h each, 2 workers per instance, $0.00/h total)");
    }

    @Test
    void newWorkersAreOfferedTheRunBeforeTheyBoot() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        List<WorkerHandle> handles = provisioner.start(launch(3));

        assertThat(handles)
                .allSatisfy(h -> assertThat(Documents.read(
                                        fx.store
                                                .get(StoreKeys.poolOffer(h.id(), 0))
                                                .orElseThrow(),
                                        PoolOffer.class)
                                .runId())
                        .isEqualTo("run-1"));
    }

    /** Puts the launched workers in the pool, as their agents do after their run: waiting, named by their code. */
    private void waitInThePool(List<WorkerHandle> launched, String bundle) {
        long now = System.currentTimeMillis();
        for (WorkerHandle h : launched) {
            fx.store.put(
                    StoreKeys.poolState(h.id()),
                    Documents.write(new PoolState(
                            Documents.SCHEMA, h.id(), ((Ec2Worker) h).instanceId(), now, now + 300_000, 1, bundle)));
        }
    }

    @Test
    void theBootScriptNamesTheAgentsCodeForTheirPoolState() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        provisioner.start(launch(2));

        assertThat(fx.userData(fx.instances().get(0).instanceId()))
                .contains("--bundle '" + WorkerBundle.id(Ec2Fixture.BUNDLE) + "'");
    }

    @Test
    void warmWorkersOfAnotherCloudistBuildAreLeftInThePoolAndInstancesAreLaunched() {
        Ec2Provisioner first = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        List<WorkerHandle> launched = first.start(launch(2));
        waitInThePool(launched, WorkerBundle.id(List.of(new BlobRef("cd34", 100, BlobRef.Kind.JAR, "worker.jar"))));

        Ec2Provisioner second = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        List<WorkerHandle> started = second.start(new WorkerLaunch(Ec2Fixture.STORE, "run-2", 2, Ec2Fixture.BUNDLE));

        assertThat(started)
                .extracting(WorkerHandle::id)
                .doesNotContainAnyElementsOf(
                        launched.stream().map(WorkerHandle::id).toList());
        assertThat(fx.instances()).hasSize(2);
        assertThat(fx.store.exists(StoreKeys.poolOffer(launched.get(0).id(), 1)))
                .as("no offer to a warm worker of other code")
                .isFalse();
    }

    @Test
    void warmWorkersOfTheStoresPoolAreClaimedAndNoInstanceIsLaunchedForThem() {
        Ec2Provisioner first = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        List<WorkerHandle> launched = first.start(launch(2));
        waitInThePool(launched, WorkerBundle.id(Ec2Fixture.BUNDLE));
        int linesBefore = fx.lines.texts().size();

        Ec2Provisioner second = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        List<WorkerHandle> reused = second.start(new WorkerLaunch(Ec2Fixture.STORE, "run-2", 2, Ec2Fixture.BUNDLE));

        assertThat(reused)
                .extracting(WorkerHandle::id)
                .containsExactlyInAnyOrderElementsOf(
                        launched.stream().map(WorkerHandle::id).toList());
        List<String> lines = fx.lines.texts();
        assertThat(lines.subList(linesBefore, lines.size()))
                .containsExactly("cloudist: Reusing 2 warm workers on 1 running instance");
        assertThat(reused).allSatisfy(h -> assertThat(h.isAlive()).isTrue());

        second.close(); // an abnormal end: terminates what this run launched, and it launched nothing
        String instance = ((Ec2Worker) reused.get(0)).instanceId();
        assertThat(fx.aws
                        .ec2()
                        .describeInstances(r -> r.instanceIds(instance))
                        .reservations()
                        .get(0)
                        .instances()
                        .get(0)
                        .state()
                        .name())
                .isEqualTo(InstanceStateName.RUNNING);
    }

    @Test
    void launchedInstancesAreTaggedLockedDownAndTerminateOnShutdown() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        provisioner.start(launch(2));

        Instance instance = fx.instances().get(0);
        String owner = fx.aws.sts().getCallerIdentity().arn();
        assertThat(instance.tags())
                .contains(
                        tag("cloudist", "true"),
                        tag("cloudist:run", "run-1"),
                        tag("cloudist:owner", owner),
                        tag("Name", "cloudist-worker"));
        assertThat(instance.metadataOptions().httpTokens()).isEqualTo(HttpTokensState.REQUIRED);
        assertThat(instance.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
        assertThat(instance.instanceLifecycle()).isEqualTo(InstanceLifecycleType.SPOT);
        assertThat(instance.iamInstanceProfile().arn()).endsWith(":instance-profile/cloudist-worker");
        assertThat(instance.securityGroups()).extracting(g -> g.groupName()).containsExactly("cloudist-workers");
        assertThat(fx.aws
                        .ec2()
                        .describeInstanceAttribute(
                                r -> r.instanceId(instance.instanceId()).attribute("instanceInitiatedShutdownBehavior"))
                        .instanceInitiatedShutdownBehavior()
                        .value())
                .isEqualTo("terminate");
        assertThat(fx.aws
                        .ec2()
                        .describeVolumes(r -> r.filters(filter("attachment.instance-id", instance.instanceId())))
                        .volumes())
                .allSatisfy(v -> assertThat(v.tags()).contains(tag("cloudist", "true"), tag("cloudist:run", "run-1")))
                .singleElement()
                .satisfies(root ->
                        assertThat(root.encrypted()).as("root volume encrypted").isTrue());
        assertThat(instance.blockDeviceMappings()).singleElement().satisfies(root -> {
            assertThat(root.deviceName()).isEqualTo(instance.rootDeviceName());
            assertThat(root.ebs().deleteOnTermination()).isTrue();
        });
        String userData = new String(
                Base64.getDecoder()
                        .decode(fx.aws
                                .ec2()
                                .describeInstanceAttribute(
                                        r -> r.instanceId(instance.instanceId()).attribute("userData"))
                                .userData()
                                .value()),
                StandardCharsets.UTF_8);
        assertThat(userData)
                .contains("--store 's3://team-bucket/ci' --pool")
                .contains("--store-outage-seconds 45")
                .contains("export AWS_ACCOUNT_ID='"
                        + fx.aws.sts().getCallerIdentity().account() + "'")
                .doesNotContain("AKIA")
                .doesNotContain("testing");
    }

    @Test
    void imageIsTheCurrentAmazonLinuxOfTheChosenArchitecture() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        provisioner.start(launch(1));

        String arm64 = fx.aws
                .ssm()
                .getParameter(r -> r.name("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"))
                .parameter()
                .value();
        assertThat(fx.instances()).extracting(Instance::imageId).containsOnly(arm64);
    }

    @Test
    void aChosenImageLimitsTypesToItsArchitecture() {
        String x86Image = fx.aws
                .ec2()
                .describeImages(r -> r.owners("amazon").filters(filter("name", "al2023-ami-2023.*-kernel-*-x86_64")))
                .images()
                .get(0)
                .imageId();
        CloudSettings settings = new CloudSettings(
                "ec2",
                MotoExtension.REGION,
                "",
                2,
                2,
                List.of("c7g.xlarge", "c7i.xlarge"),
                0,
                false,
                x86Image,
                10,
                12,
                17);

        fx.provisioner(settings).start(launch(2));

        assertThat(fx.instances()).extracting(Instance::instanceTypeAsString).containsOnly("c7i.xlarge");
        assertThat(fx.instances()).extracting(Instance::imageId).containsOnly(x86Image);
    }

    @Test
    void handlesShareOneStateReadAndTerminateTheirInstanceOnce() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        List<WorkerHandle> handles = provisioner.start(launch(4));

        assertThat(handles).allMatch(WorkerHandle::isAlive);
        assertThat(fx.ec2.calls("DescribeInstances")).isEqualTo(1);

        handles.get(0).terminate();
        handles.get(1).terminate();

        assertThat(fx.ec2.calls("TerminateInstances")).isEqualTo(1);
        assertThat(handles.get(0).isAlive()).isFalse();
        assertThat(handles.get(1).isAlive()).isFalse();
        assertThat(handles.get(2).isAlive()).isTrue();
        assertThat(state(((Ec2Worker) handles.get(0)).instanceId())).isEqualTo(InstanceStateName.TERMINATED);
    }

    @Test
    void isAliveSeesInstancesThatEndedElsewhere() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        WorkerHandle handle = provisioner.start(launch(1)).get(0);
        assertThat(handle.isAlive()).isTrue();

        fx.aws.ec2().terminateInstances(r -> r.instanceIds(((Ec2Worker) handle).instanceId()));

        assertThat(handle.isAlive()).as("cached for a few seconds").isTrue();
        fx.clock.advance(Duration.ofSeconds(6));
        assertThat(handle.isAlive()).isFalse();
        assertThat(handle.describe()).startsWith("EC2 instance i-").contains("c7g.xlarge spot in eu-west-1");
    }

    @Test
    void closeTerminatesEveryInstanceOnceAndIsIdempotent() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        provisioner.start(launch(4));

        provisioner.close();
        provisioner.close();

        assertThat(fx.instances()).extracting(i -> i.state().name()).containsOnly(InstanceStateName.TERMINATED);
        assertThat(fx.ec2.calls("TerminateInstances")).isEqualTo(1);
        assertThat(fx.lines.texts()).last().asString().startsWith("cloudist: Terminated 2 instances: i-");
        assertThatThrownBy(() -> provisioner.start(launch(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeAfterANormalEndLeavesInstancesWarm() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        provisioner.start(launch(4));

        provisioner.keepWarm();
        provisioner.close();

        assertThat(fx.instances()).extracting(i -> i.state().name()).doesNotContain(InstanceStateName.TERMINATED);
        assertThat(fx.ec2.calls("TerminateInstances")).isZero();
        assertThat(fx.lines.texts())
                .last()
                .asString()
                .isEqualTo("cloudist: Leaving 2 instances warm for the next run; idle ones power off after 10 minutes");
    }

    private InstanceStateName state(String instanceId) {
        return fx.aws
                .ec2()
                .describeInstances(r -> r.instanceIds(instanceId))
                .reservations()
                .get(0)
                .instances()
                .get(0)
                .state()
                .name();
    }
}
