package io.cloudist.aws.ec2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks instance types for a number of workers, from the type catalog and the spot price history alone, so that the
 * same inputs always give the same answer. A type's slots are {@code min(vCPUs / cpuPerWorker, GiB /
 * memoryPerWorker)}; candidates are ranked by the hourly cost of the instances that cover the workers, then by the
 * fewest idle slots, then by price per slot, then by name and zone. For many workers this is the cheapest price per
 * slot; for few, it avoids paying for a large instance that would mostly idle.
 *
 * <p>Without an allow-list, only current-generation types that do not run on CPU credits are considered; an
 * allow-list admits exactly the types it names.
 */
public final class InstanceChooser {
    private InstanceChooser() {}

    /** Workers one instance of {@code type} holds; 0 when not even one fits. */
    public static int slots(InstanceSpec type, WorkerNeeds needs) {
        int byCpu = type.vcpus() / needs.cpuPerWorker();
        int byMemory = (int) Math.floor(type.memoryGib() / needs.memoryPerWorkerGib() + 1e-9);
        return Math.min(byCpu, byMemory);
    }

    /** Whether {@code type} may run workers at all: allowed, of an allowed architecture, big enough. */
    public static boolean eligible(InstanceSpec type, WorkerNeeds needs) {
        boolean allowed = needs.instanceTypes().isEmpty()
                ? type.currentGeneration() && !type.burstable()
                : needs.allowListed(type.name());
        boolean architecture =
                needs.architectures().isEmpty() || needs.architectures().contains(type.architecture());
        return allowed && architecture && slots(type, needs) >= 1;
    }

    /**
     * Spot candidates for {@code workers} workers, best first: one per type and zone with a current price within
     * the price cap.
     */
    public static List<Candidate> spot(
            List<InstanceSpec> types, List<SpotPrice> prices, WorkerNeeds needs, int workers) {
        Map<String, InstanceSpec> byName = new HashMap<>();
        types.stream().filter(t -> t.spot() && eligible(t, needs)).forEach(t -> byName.put(t.name(), t));
        List<Candidate> candidates = new ArrayList<>();
        for (SpotPrice price : latest(prices)) {
            InstanceSpec type = byName.get(price.instanceType());
            boolean affordable = needs.maxPricePerHour() == 0 || price.pricePerHour() <= needs.maxPricePerHour();
            if (type != null && affordable) {
                candidates.add(
                        new Candidate(type, price.availabilityZone(), price.pricePerHour(), slots(type, needs), true));
            }
        }
        candidates.sort(order(workers));
        return List.copyOf(candidates);
    }

    /**
     * On-demand candidates for {@code workers} workers: the types of the spot ranking in its order (spot prices
     * follow on-demand prices closely), then eligible types without a spot price, fewest idle slots first.
     */
    public static List<Candidate> onDemand(
            List<InstanceSpec> types, List<Candidate> spotRanking, WorkerNeeds needs, int workers) {
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate spot : spotRanking) {
            if (spot.type().onDemand() && seen.add(spot.type().name())) {
                candidates.add(new Candidate(spot.type(), "", 0, spot.slots(), false));
            }
        }
        List<Candidate> rest = new ArrayList<>();
        for (InstanceSpec type : types) {
            if (type.onDemand() && eligible(type, needs) && !seen.contains(type.name())) {
                rest.add(new Candidate(type, "", 0, slots(type, needs), false));
            }
        }
        rest.sort(Comparator.comparingInt((Candidate c) -> c.idleSlotsFor(workers))
                .thenComparingInt(c -> c.type().vcpus())
                .thenComparing(c -> c.type().name()));
        candidates.addAll(rest);
        return List.copyOf(candidates);
    }

    private static Comparator<Candidate> order(int workers) {
        return Comparator.comparingDouble((Candidate c) -> c.costFor(workers))
                .thenComparingInt(c -> c.idleSlotsFor(workers))
                .thenComparingDouble(Candidate::pricePerSlot)
                .thenComparing(c -> c.type().name())
                .thenComparing(Candidate::availabilityZone);
    }

    /** The newest price of each type and zone. */
    static List<SpotPrice> latest(List<SpotPrice> prices) {
        Map<String, SpotPrice> newest = new HashMap<>();
        for (SpotPrice price : prices) {
            newest.merge(
                    price.instanceType() + " " + price.availabilityZone(),
                    price,
                    (a, b) -> b.timestamp().isAfter(a.timestamp()) ? b : a);
        }
        return List.copyOf(newest.values());
    }
}
