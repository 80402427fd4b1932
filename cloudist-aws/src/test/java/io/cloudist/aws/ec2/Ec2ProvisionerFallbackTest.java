package io.cloudist.aws.ec2;

import static io.cloudist.aws.ec2.Ec2Fixture.launch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import io.cloudist.core.CloudistException;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.provision.WorkerHandle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Instance;

@ExtendWith(MotoExtension.class)
class Ec2ProvisionerFallbackTest {
    private static final List<String> TYPES = List.of("c7g.xlarge", "c7g.2xlarge");

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
    void coversTheRestWithTheNextCandidatesWhenEc2LaunchesFewerInstances() {
        fx.ec2.capacity("c7g.xlarge", 1);
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, false));

        List<WorkerHandle> handles = provisioner.start(launch(5));

        assertThat(handles).hasSize(5);
        assertThat(fx.instances())
                .extracting(i -> i.placement().availabilityZone())
                .containsExactlyInAnyOrder("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(fx.ec2.runs()).extracting(r -> r.maxCount()).containsExactly(3, 2, 1);
        assertThat(fx.lines.texts()).hasSize(3).allMatch(l -> l.startsWith("cloudist: Launching 1 × c7g.xlarge spot"));
    }

    @Test
    void fallsBackToTheNextCandidateWhenSpotCapacityIsShort() {
        fx.ec2.refuse("c7g.2xlarge", "spot", "InsufficientInstanceCapacity");
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(TYPES, 0, false));

        List<WorkerHandle> handles = provisioner.start(launch(4));

        assertThat(handles).hasSize(4);
        assertThat(fx.instances()).extracting(Instance::instanceTypeAsString).containsOnly("c7g.xlarge");
        assertThat(fx.ec2.runs())
                .extracting(r -> r.instanceTypeAsString() + "@" + r.placement().availabilityZone())
                .containsExactly(
                        "c7g.2xlarge@eu-west-1a",
                        "c7g.2xlarge@eu-west-1b",
                        "c7g.2xlarge@eu-west-1c",
                        "c7g.xlarge@eu-west-1a");
        assertThat(fx.lines.warnings())
                .hasSize(3)
                .first()
                .asString()
                .isEqualTo(
                        "cloudist: No c7g.2xlarge spot in eu-west-1a (InsufficientInstanceCapacity); trying the next candidate");
    }

    @Test
    void fallsBackToOnDemandWhenEverySpotCandidateFails() {
        fx.ec2
                .refuse("c7g.2xlarge", "spot", "InsufficientInstanceCapacity")
                .refuse("c7g.xlarge", "spot", "MaxSpotInstanceCountExceeded");
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(TYPES, 0, true));

        provisioner.start(launch(4));

        assertThat(fx.instances()).singleElement().satisfies(i -> {
            assertThat(i.instanceTypeAsString()).isEqualTo("c7g.2xlarge");
            assertThat(i.instanceLifecycle()).isNull();
        });
        assertThat(fx.ec2.runs().get(fx.ec2.runs().size() - 1).instanceMarketOptions())
                .isNull();
        assertThat(fx.lines.texts())
                .last()
                .asString()
                .isEqualTo(
                        "cloudist: Launching 1 × c7g.2xlarge on-demand in eu-west-1 (4 workers per instance, at the on-demand"
                                + " price)");
    }

    @Test
    void withoutOnDemandTheErrorListsWhatWasTriedAndWhatWouldHelp() {
        fx.ec2
                .refuse("c7g.2xlarge", "spot", "InsufficientInstanceCapacity")
                .refuse("c7g.xlarge", "spot", "MaxSpotInstanceCountExceeded");
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(TYPES, 0, false));

        assertThatThrownBy(() -> provisioner.start(launch(4)))
                .isInstanceOf(CloudistException.class)
                .hasMessageStartingWith("Could not launch 4 workers in eu-west-1; tried: "
                        + "c7g.2xlarge spot in eu-west-1a: InsufficientInstanceCapacity, ")
                .hasMessageContaining("c7g.xlarge spot in eu-west-1c: MaxSpotInstanceCountExceeded")
                .hasMessageContaining("-Dcloudist.instanceTypes")
                .hasMessageContaining("higher EC2 vCPU quota")
                .hasMessageContaining("-Dcloudist.onDemandFallback=true");
        assertThat(fx.instances()).isEmpty();
    }

    @Test
    void otherLaunchErrorsStopAtOnceWithTheirFix() {
        fx.ec2.refuse("c7g.xlarge", "spot", "UnauthorizedOperation");
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0, true));

        assertThatThrownBy(() -> provisioner.start(launch(2)))
                .hasMessageStartingWith("AWS denied ec2:RunInstances: grant ec2:RunInstances");
        assertThat(fx.ec2.calls("RunInstances")).isEqualTo(1);
    }

    @Test
    void aPriceCapBelowEveryOfferNamesTheSetting() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.xlarge"), 0.000001, false));

        assertThatThrownBy(() -> provisioner.start(launch(2)))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.maxPricePerHour"))
                .hasMessageContaining("the cheapest spot instance that fits costs $0.0000/h (c7g.xlarge spot in");
        assertThat(fx.ec2.calls("RunInstances")).isZero();
    }

    @Test
    void anAllowListWhereNoWorkerFitsNamesTheSetting() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("t4g.nano"), 0, false));

        assertThatThrownBy(() -> provisioner.start(launch(1)))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.instanceTypes"))
                .hasMessageContaining("holds one worker of 2 vCPU and 2 GiB");
    }

    @Test
    void anUnknownInstanceTypeNamesTheSetting() {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7g.huge"), 0, false));

        assertThatThrownBy(() -> provisioner.start(launch(1)))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.instanceTypes"));
    }
}
