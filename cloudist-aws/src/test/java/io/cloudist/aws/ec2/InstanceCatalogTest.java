package io.cloudist.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class InstanceCatalogTest {
    private final AwsClients aws = new AwsClients(Settings.ec2());
    private final InstanceCatalog catalog = new InstanceCatalog(aws.ec2());

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void readsTheAllowListedTypes() {
        List<InstanceSpec> types = catalog.types(needs(List.of("c7g.xlarge", "c7i.large")));

        assertThat(types)
                .containsExactlyInAnyOrder(
                        new InstanceSpec("c7g.xlarge", 4, 8192, "arm64", true, false, true, true),
                        new InstanceSpec("c7i.large", 2, 4096, "x86_64", true, false, true, true));
    }

    @Test
    void readsTypesByGlob() {
        assertThat(catalog.types(needs(List.of("c7g.*"))))
                .extracting(InstanceSpec::name)
                .contains("c7g.large", "c7g.xlarge", "c7g.16xlarge")
                .allMatch(name -> name.startsWith("c7g."));
    }

    @Test
    void withoutAllowListReadsCurrentGenerationTypesOnly() {
        List<InstanceSpec> types = catalog.types(needs(List.of()));

        assertThat(types).hasSizeGreaterThan(100).allMatch(InstanceSpec::currentGeneration);
        assertThat(types)
                .extracting(InstanceSpec::name)
                .doesNotContain("m1.small")
                .noneMatch(n -> n.startsWith("mac"));
    }

    @Test
    void readsACurrentSpotPricePerZone() {
        List<SpotPrice> prices = catalog.spotPrices(List.of("c7g.xlarge"), Instant.now());

        assertThat(prices)
                .extracting(SpotPrice::availabilityZone)
                .containsExactlyInAnyOrder("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(prices).allMatch(p -> p.instanceType().equals("c7g.xlarge") && p.pricePerHour() > 0);
    }

    @Test
    void ranksAndPacksMotosCatalogTheSameWayEveryTime() {
        WorkerNeeds needs = new WorkerNeeds(2, 3, List.of("c7g.*", "c7i.*"), 0, Set.of());
        List<InstanceSpec> types = catalog.types(needs);
        List<SpotPrice> prices =
                catalog.spotPrices(types.stream().map(InstanceSpec::name).toList(), Instant.now());

        List<Candidate> first = InstanceChooser.spot(types, prices, needs, 6);
        List<Candidate> again = InstanceChooser.spot(types, prices, needs, 6);

        assertThat(first).isEqualTo(again);
        Candidate best = first.get(0);
        assertThat(best.type().name()).isEqualTo("c7g.4xlarge");
        assertThat(best.slots()).isEqualTo(8);
        assertThat(best.instancesFor(6)).isEqualTo(1);
        assertThat(best.availabilityZone()).isEqualTo("eu-west-1a");
    }

    private static WorkerNeeds needs(List<String> types) {
        return new WorkerNeeds(1, 1, types, 0, Set.of());
    }
}
