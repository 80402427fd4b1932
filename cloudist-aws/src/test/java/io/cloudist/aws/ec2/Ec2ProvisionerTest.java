package io.cloudist.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.setup.AwsClients;
import io.cloudist.aws.setup.AwsCloudAdmin;
import io.cloudist.aws.setup.Lines;
import io.cloudist.aws.setup.MotoExtension;
import io.cloudist.aws.setup.SecurityGroups;
import io.cloudist.aws.setup.Settings;
import io.cloudist.core.CloudistException;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.provision.CloudSettings;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceLifecycleType;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Tag;

@ExtendWith(MotoExtension.class)
class Ec2ProvisionerTest {
    private static final String STORE = "s3://team-bucket/ci";
    private static final List<String> TYPES = List.of("c7g.xlarge", "c7g.2xlarge");
    private static final List<BlobRef> BUNDLE = List.of(new BlobRef("ab12", 100, BlobRef.Kind.JAR, "worker.jar"));

    private final Lines lines = new Lines();
    private final MutableClock clock = new MutableClock();
    private AwsClients aws;
    private FaultyEc2 ec2;

    @BeforeEach
    void setUp() {
        new AwsCloudAdmin().setup(Settings.ec2(), STORE, new Lines());
        aws = new AwsClients(Settings.ec2());
        ec2 = new FaultyEc2(aws.ec2());
    }

    @AfterEach
    void tearDown() {
        aws.close();
    }

    @Test
    void packsWorkersOntoTheCheapestSpotInstances() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        List<WorkerHandle> handles = provisioner.start(launch(5));

        Map<String, List<String>> byInstance = handles.stream().collect(Collectors.groupingBy(
                h -> ((Ec2Worker) h).instanceId(), Collectors.mapping(WorkerHandle::id, Collectors.toList())));
        assertThat(byInstance).hasSize(3);
        assertThat(byInstance.values()).extracting(List::size).containsExactlyInAnyOrder(2, 2, 1);
        byInstance.forEach((instance, ids) -> assertThat(ids).startsWith(instance + "-0"));
        assertThat(lines.texts()).containsExactly(
                "Launching 3 × c7g.xlarge spot in eu-west-1 ($0.0000/h each, 2 workers per instance, $0.00/h total)");
    }

    @Test
    void coversTheRestWithTheNextCandidatesWhenEc2LaunchesFewerInstances() {
        ec2.capacity("c7g.xlarge", 1);
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        List<WorkerHandle> handles = provisioner.start(launch(5));

        assertThat(handles).hasSize(5);
        assertThat(instances()).extracting(i -> i.placement().availabilityZone())
                .containsExactlyInAnyOrder("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(ec2.runs()).extracting(r -> r.maxCount()).containsExactly(3, 2, 1);
        assertThat(lines.texts()).hasSize(3).allMatch(l -> l.startsWith("Launching 1 × c7g.xlarge spot"));
    }

    @Test
    void launchedInstancesAreTaggedLockedDownAndTerminateOnShutdown() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        provisioner.start(launch(2));

        Instance instance = instances().get(0);
        String owner = aws.sts().getCallerIdentity().arn();
        assertThat(instance.tags()).contains(
                tag("cloudist", "true"), tag("cloudist:run", "run-1"), tag("cloudist:owner", owner),
                tag("Name", "cloudist-worker"));
        assertThat(instance.metadataOptions().httpTokens()).isEqualTo(HttpTokensState.REQUIRED);
        assertThat(instance.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
        assertThat(instance.instanceLifecycle()).isEqualTo(InstanceLifecycleType.SPOT);
        assertThat(instance.iamInstanceProfile().arn()).endsWith(":instance-profile/cloudist-worker");
        assertThat(instance.securityGroups()).extracting(g -> g.groupName()).containsExactly("cloudist-workers");
        assertThat(aws.ec2().describeInstanceAttribute(r -> r.instanceId(instance.instanceId())
                        .attribute("instanceInitiatedShutdownBehavior"))
                .instanceInitiatedShutdownBehavior().value()).isEqualTo("terminate");
        assertThat(aws.ec2().describeVolumes(r -> r.filters(filter(
                                "attachment.instance-id", instance.instanceId())))
                        .volumes())
                .allSatisfy(v -> assertThat(v.tags()).contains(tag("cloudist", "true"), tag("cloudist:run", "run-1")));
        String userData = new String(Base64.getDecoder().decode(aws.ec2()
                        .describeInstanceAttribute(r -> r.instanceId(instance.instanceId()).attribute("userData"))
                        .userData().value()),
                StandardCharsets.UTF_8);
        assertThat(userData).contains("--store 's3://team-bucket/ci' --pool")
                .doesNotContain("AKIA")
                .doesNotContain("testing");
    }

    @Test
    void imageIsTheCurrentAmazonLinuxOfTheChosenArchitecture() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        provisioner.start(launch(1));

        String arm64 = aws.ssm().getParameter(r -> r.name(
                        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"))
                .parameter().value();
        assertThat(instances()).extracting(Instance::imageId).containsOnly(arm64);
    }

    @Test
    void aChosenImageLimitsTypesToItsArchitecture() {
        String x86Image = aws.ec2().describeImages(r -> r.owners("amazon").filters(filter(
                        "name", "al2023-ami-2023.*-kernel-*-x86_64")))
                .images().get(0).imageId();
        CloudSettings settings = new CloudSettings(
                "ec2", MotoExtension.REGION, "", 2, 2, List.of("c7g.xlarge", "c7i.xlarge"), 0, false, x86Image, 10, 17);

        provisioner(settings).start(launch(2));

        assertThat(instances()).extracting(Instance::instanceTypeAsString).containsOnly("c7i.xlarge");
        assertThat(instances()).extracting(Instance::imageId).containsOnly(x86Image);
    }

    @Test
    void fallsBackToTheNextCandidateWhenSpotCapacityIsShort() {
        ec2.refuse("c7g.2xlarge", "spot", "InsufficientInstanceCapacity");
        Ec2Provisioner provisioner = provisioner(Settings.ec2(TYPES, 0, false));

        List<WorkerHandle> handles = provisioner.start(launch(4));

        assertThat(handles).hasSize(4);
        assertThat(instances()).extracting(Instance::instanceTypeAsString).containsOnly("c7g.xlarge");
        assertThat(ec2.runs()).extracting(r -> r.instanceTypeAsString() + "@" + r.placement().availabilityZone())
                .containsExactly(
                        "c7g.2xlarge@eu-west-1a", "c7g.2xlarge@eu-west-1b", "c7g.2xlarge@eu-west-1c",
                        "c7g.xlarge@eu-west-1a");
        assertThat(lines.warnings()).hasSize(3).first().asString()
                .isEqualTo("No c7g.2xlarge spot in eu-west-1a (InsufficientInstanceCapacity); trying the next candidate");
    }

    @Test
    void fallsBackToOnDemandWhenEverySpotCandidateFails() {
        ec2.refuse("c7g.2xlarge", "spot", "InsufficientInstanceCapacity")
                .refuse("c7g.xlarge", "spot", "MaxSpotInstanceCountExceeded");
        Ec2Provisioner provisioner = provisioner(Settings.ec2(TYPES, 0, true));

        provisioner.start(launch(4));

        assertThat(instances()).singleElement().satisfies(i -> {
            assertThat(i.instanceTypeAsString()).isEqualTo("c7g.2xlarge");
            assertThat(i.instanceLifecycle()).isNull();
        });
        assertThat(ec2.runs().get(ec2.runs().size() - 1).instanceMarketOptions()).isNull();
        assertThat(lines.texts()).last().asString()
                .isEqualTo("Launching 1 × c7g.2xlarge on-demand in eu-west-1 (4 workers per instance, at the on-demand"
                        + " price)");
    }

    @Test
    void withoutOnDemandTheErrorListsWhatWasTriedAndWhatWouldHelp() {
        ec2.refuse("c7g.2xlarge", "spot", "InsufficientInstanceCapacity")
                .refuse("c7g.xlarge", "spot", "MaxSpotInstanceCountExceeded");
        Ec2Provisioner provisioner = provisioner(Settings.ec2(TYPES, 0, false));

        assertThatThrownBy(() -> provisioner.start(launch(4)))
                .isInstanceOf(CloudistException.class)
                .hasMessageStartingWith("Could not launch 4 workers in eu-west-1; tried: "
                        + "c7g.2xlarge spot in eu-west-1a: InsufficientInstanceCapacity, ")
                .hasMessageContaining("c7g.xlarge spot in eu-west-1c: MaxSpotInstanceCountExceeded")
                .hasMessageContaining("-Dcloudist.instanceTypes")
                .hasMessageContaining("higher EC2 vCPU quota")
                .hasMessageContaining("-Dcloudist.onDemandFallback=true");
        assertThat(instances()).isEmpty();
    }

    @Test
    void otherLaunchErrorsStopAtOnceWithTheirFix() {
        ec2.refuse("c7g.xlarge", "spot", "UnauthorizedOperation");
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, true));

        assertThatThrownBy(() -> provisioner.start(launch(2)))
                .hasMessageStartingWith("AWS denied ec2:RunInstances: grant ec2:RunInstances");
        assertThat(ec2.calls("RunInstances")).isEqualTo(1);
    }

    @Test
    void aPriceCapBelowEveryOfferNamesTheSetting() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0.000001, false));

        assertThatThrownBy(() -> provisioner.start(launch(2)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.parameter())
                        .isEqualTo("cloudist.maxPricePerHour"))
                .hasMessageContaining("the cheapest spot instance that fits costs $0.0000/h (c7g.xlarge spot in");
        assertThat(ec2.calls("RunInstances")).isZero();
    }

    @Test
    void anAllowListWhereNoWorkerFitsNamesTheSetting() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("t4g.nano"), 0, false));

        assertThatThrownBy(() -> provisioner.start(launch(1)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.parameter())
                        .isEqualTo("cloudist.instanceTypes"))
                .hasMessageContaining("holds one worker of 2 vCPU and 2 GiB");
    }

    @Test
    void anUnknownInstanceTypeNamesTheSetting() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.huge"), 0, false));

        assertThatThrownBy(() -> provisioner.start(launch(1)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.parameter())
                        .isEqualTo("cloudist.instanceTypes"));
    }

    @Test
    void handlesShareOneStateReadAndTerminateTheirInstanceOnce() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        List<WorkerHandle> handles = provisioner.start(launch(4));

        assertThat(handles).allMatch(WorkerHandle::isAlive);
        assertThat(ec2.calls("DescribeInstances")).isEqualTo(1);

        handles.get(0).terminate();
        handles.get(1).terminate();

        assertThat(ec2.calls("TerminateInstances")).isEqualTo(1);
        assertThat(handles.get(0).isAlive()).isFalse();
        assertThat(handles.get(1).isAlive()).isFalse();
        assertThat(handles.get(2).isAlive()).isTrue();
        assertThat(state(((Ec2Worker) handles.get(0)).instanceId())).isEqualTo(InstanceStateName.TERMINATED);
    }

    @Test
    void isAliveSeesInstancesThatEndedElsewhere() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        WorkerHandle handle = provisioner.start(launch(1)).get(0);
        assertThat(handle.isAlive()).isTrue();

        aws.ec2().terminateInstances(r -> r.instanceIds(((Ec2Worker) handle).instanceId()));

        assertThat(handle.isAlive()).as("cached for a few seconds").isTrue();
        clock.advance(Duration.ofSeconds(6));
        assertThat(handle.isAlive()).isFalse();
        assertThat(handle.describe()).startsWith("EC2 instance i-").contains("c7g.xlarge spot in eu-west-1");
    }

    @Test
    void closeTerminatesEveryInstanceOnceAndIsIdempotent() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        provisioner.start(launch(4));

        provisioner.close();
        provisioner.close();

        assertThat(instances()).extracting(i -> i.state().name()).containsOnly(InstanceStateName.TERMINATED);
        assertThat(ec2.calls("TerminateInstances")).isEqualTo(1);
        assertThat(lines.texts()).last().asString().startsWith("Terminated 2 instances: i-");
        assertThatThrownBy(() -> provisioner.start(launch(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeAfterANormalEndLeavesInstancesWarm() {
        Ec2Provisioner provisioner = provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));
        provisioner.start(launch(4));

        provisioner.keepWarm();
        provisioner.close();

        assertThat(instances()).extracting(i -> i.state().name()).doesNotContain(InstanceStateName.TERMINATED);
        assertThat(ec2.calls("TerminateInstances")).isZero();
        assertThat(lines.texts()).last().asString()
                .isEqualTo("Leaving 2 instances warm for the next run; idle ones power off after 10 minutes");
    }

    private Ec2Provisioner provisioner(CloudSettings settings) {
        String vpc = SecurityGroups.defaultVpc(aws.ec2(), MotoExtension.REGION);
        LaunchContext context = new LaunchContext(
                MotoExtension.REGION,
                SecurityGroups.find(aws.ec2(), vpc).orElseThrow(),
                aws.sts().getCallerIdentity().arn(),
                "");
        return new Ec2Provisioner(ec2, new AmiResolver(ec2, aws.ssm()), settings, context, lines, clock, () -> {});
    }

    private static WorkerLaunch launch(int workers) {
        return new WorkerLaunch(STORE, "run-1", workers, BUNDLE);
    }

    private List<Instance> instances() {
        return aws.ec2().describeInstances(r -> r.filters(filter("tag:cloudist", "true")))
                .reservations().stream()
                .flatMap(r -> r.instances().stream())
                .toList();
    }

    private InstanceStateName state(String instanceId) {
        return aws.ec2().describeInstances(r -> r.instanceIds(instanceId))
                .reservations().get(0).instances().get(0).state().name();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
