package io.cloudist.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceChooserTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static final InstanceSpec C7G_LARGE = type("c7g.large", 2, 4096, "arm64");
    private static final InstanceSpec C7G_XLARGE = type("c7g.xlarge", 4, 8192, "arm64");
    private static final InstanceSpec C7I_XLARGE = type("c7i.xlarge", 4, 8192, "x86_64");
    private static final InstanceSpec R7G_LARGE = type("r7g.large", 2, 16384, "arm64");
    private static final InstanceSpec M7G_4XLARGE = type("m7g.4xlarge", 16, 65536, "arm64");
    private static final List<InstanceSpec> TYPES = List.of(C7G_LARGE, C7G_XLARGE, C7I_XLARGE, R7G_LARGE, M7G_4XLARGE);

    private static final List<SpotPrice> PRICES = List.of(
            price("c7g.large", "eu-west-1a", 0.0330),
            price("c7g.xlarge", "eu-west-1a", 0.0612),
            price("c7g.xlarge", "eu-west-1b", 0.0650),
            price("c7i.xlarge", "eu-west-1a", 0.0700),
            price("r7g.large", "eu-west-1a", 0.0400),
            price("m7g.4xlarge", "eu-west-1a", 0.2550));

    @Test
    void slotsAreBoundByCpuAndByMemory() {
        WorkerNeeds needs = needs(1, 2, List.of(), 0);

        assertThat(InstanceChooser.slots(C7G_XLARGE, needs)).isEqualTo(4);
        assertThat(InstanceChooser.slots(M7G_4XLARGE, needs(1, 8, List.of(), 0)))
                .isEqualTo(8);
        assertThat(InstanceChooser.slots(C7G_LARGE, needs(1, 4.5, List.of(), 0)))
                .isZero();
        assertThat(InstanceChooser.slots(R7G_LARGE, needs(2, 1, List.of(), 0))).isEqualTo(1);
    }

    @Test
    void manyWorkersGoToTheCheapestPricePerSlot() {
        List<Candidate> ranked = InstanceChooser.spot(TYPES, PRICES, needs(2, 2, List.of(), 0), 8);

        Candidate best = ranked.get(0);
        assertThat(best.type().name()).isEqualTo("c7g.xlarge");
        assertThat(best.availabilityZone()).isEqualTo("eu-west-1a");
        assertThat(best.slots()).isEqualTo(2);
        assertThat(best.instancesFor(8)).isEqualTo(4);
        assertThat(ranked)
                .extracting(c -> c.type().name() + "@" + c.availabilityZone())
                .containsExactly(
                        "c7g.xlarge@eu-west-1a",
                        "m7g.4xlarge@eu-west-1a",
                        "c7g.xlarge@eu-west-1b",
                        "c7g.large@eu-west-1a",
                        "c7i.xlarge@eu-west-1a",
                        "r7g.large@eu-west-1a");
    }

    @Test
    void oneWorkerDoesNotPayForALargeInstance() {
        List<Candidate> ranked = InstanceChooser.spot(TYPES, PRICES, needs(2, 2, List.of(), 0), 1);

        assertThat(ranked.get(0).type().name()).isEqualTo("c7g.large");
        assertThat(ranked.get(0).instancesFor(1)).isEqualTo(1);
    }

    @Test
    void packsSeveralWorkersPerInstanceAndRoundsUp() {
        Candidate candidate = InstanceChooser.spot(TYPES, PRICES, needs(1, 2, List.of("c7g.xlarge"), 0), 5)
                .get(0);

        assertThat(candidate.slots()).isEqualTo(4);
        assertThat(candidate.instancesFor(5)).isEqualTo(2);
        assertThat(candidate.idleSlotsFor(5)).isEqualTo(3);
        assertThat(candidate.costFor(5)).isCloseTo(0.1224, within(1e-9));
    }

    @Test
    void allowListAdmitsOnlyTheNamedTypesAndGlobs() {
        List<Candidate> exact = InstanceChooser.spot(TYPES, PRICES, needs(2, 2, List.of("c7i.xlarge"), 0), 4);
        List<Candidate> glob = InstanceChooser.spot(TYPES, PRICES, needs(2, 2, List.of("c7g.*"), 0), 4);

        assertThat(exact).extracting(c -> c.type().name()).containsOnly("c7i.xlarge");
        assertThat(glob).extracting(c -> c.type().name()).containsOnly("c7g.xlarge", "c7g.large");
    }

    @Test
    void priceCapDropsDearerOffers() {
        List<Candidate> ranked = InstanceChooser.spot(TYPES, PRICES, needs(2, 2, List.of(), 0.0620), 8);

        assertThat(ranked)
                .extracting(c -> c.type().name() + "@" + c.availabilityZone())
                .containsExactly("c7g.xlarge@eu-west-1a", "c7g.large@eu-west-1a", "r7g.large@eu-west-1a");
    }

    @Test
    void theNewestPriceOfATypeAndZoneCounts() {
        List<SpotPrice> prices = List.of(
                new SpotPrice("c7g.large", "eu-west-1a", 0.0100, NOW.minusSeconds(3600)),
                new SpotPrice("c7g.large", "eu-west-1a", 0.0330, NOW),
                new SpotPrice("c7g.large", "eu-west-1a", 0.0200, NOW.minusSeconds(60)));

        List<Candidate> ranked = InstanceChooser.spot(TYPES, prices, needs(2, 2, List.of(), 0), 1);

        assertThat(ranked).singleElement().extracting(Candidate::pricePerHour).isEqualTo(0.0330);
    }

    @Test
    void withoutAllowListOldAndBurstableTypesAreLeftOut() {
        InstanceSpec old = new InstanceSpec("c4.large", 2, 3840, "x86_64", false, false, true, true);
        InstanceSpec burstable = new InstanceSpec("t4g.medium", 2, 4096, "arm64", true, true, true, true);
        List<SpotPrice> prices =
                List.of(price("c4.large", "eu-west-1a", 0.001), price("t4g.medium", "eu-west-1a", 0.001));

        assertThat(InstanceChooser.spot(List.of(old, burstable), prices, needs(1, 1, List.of(), 0), 1))
                .isEmpty();
        assertThat(InstanceChooser.spot(List.of(old, burstable), prices, needs(1, 1, List.of("t4g.medium"), 0), 1))
                .extracting(c -> c.type().name())
                .containsExactly("t4g.medium");
    }

    @Test
    void architectureRestrictsTypes() {
        WorkerNeeds x86 = new WorkerNeeds(2, 2, List.of(), 0, Set.of("x86_64"));

        assertThat(InstanceChooser.spot(TYPES, PRICES, x86, 4))
                .extracting(c -> c.type().name())
                .containsExactly("c7i.xlarge");
    }

    @Test
    void equalPricesRankTheSameWayEveryTime() {
        List<SpotPrice> flat =
                TYPES.stream().map(t -> price(t.name(), "eu-west-1a", 0.00001)).toList();

        List<Candidate> first = InstanceChooser.spot(TYPES, flat, needs(2, 2, List.of(), 0), 2);
        List<Candidate> reversed = InstanceChooser.spot(reverse(TYPES), reverse(flat), needs(2, 2, List.of(), 0), 2);

        assertThat(first).isEqualTo(reversed);
        assertThat(first.get(0).type().name()).isEqualTo("c7g.xlarge");
    }

    @Test
    void onDemandFollowsTheSpotRankingThenTheOtherTypes() {
        WorkerNeeds needs = needs(2, 2, List.of(), 0);
        List<Candidate> spot = InstanceChooser.spot(TYPES, PRICES.subList(0, 2), needs, 8);

        List<Candidate> onDemand = InstanceChooser.onDemand(TYPES, spot, needs, 8);

        assertThat(onDemand).extracting(Candidate::describe).startsWith("c7g.xlarge on-demand", "c7g.large on-demand");
        assertThat(onDemand)
                .extracting(c -> c.type().name())
                .containsExactlyInAnyOrder("c7g.xlarge", "c7g.large", "c7i.xlarge", "r7g.large", "m7g.4xlarge");
        assertThat(onDemand).allMatch(c -> !c.spot() && c.availabilityZone().isEmpty());
    }

    private static <T> List<T> reverse(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static WorkerNeeds needs(int cpu, double memory, List<String> types, double maxPrice) {
        return new WorkerNeeds(cpu, memory, types, maxPrice, Set.of());
    }

    private static InstanceSpec type(String name, int vcpus, long memoryMib, String architecture) {
        return new InstanceSpec(name, vcpus, memoryMib, architecture, true, false, true, true);
    }

    private static SpotPrice price(String type, String zone, double price) {
        return new SpotPrice(type, zone, price, NOW);
    }
}
