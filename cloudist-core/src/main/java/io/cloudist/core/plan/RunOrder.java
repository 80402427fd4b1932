package io.cloudist.core.plan;

import io.cloudist.core.ConfigurationException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Surefire's {@code runOrder}, which cloudist applies where timing leaves a choice: between units expected to take as
 * long, as when there is no timing history yet. Timing comes first, so {@code balanced} is what cloudist always does.
 *
 * @param kind the order
 * @param randomSeed the seed of {@code random} ({@code runOrder.random.seed})
 */
public record RunOrder(Kind kind, long randomSeed) {
    public static final RunOrder DEFAULT = new RunOrder(Kind.FILESYSTEM, 0);

    public enum Kind {
        FILESYSTEM,
        ALPHABETICAL,
        REVERSEALPHABETICAL,
        RANDOM,
        HOURLY,
        FAILEDFIRST,
        BALANCED
    }

    /** @throws ConfigurationException for a value Surefire does not know */
    public static RunOrder parse(String value, long randomSeed, String property) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(name)) {
                return new RunOrder(kind, randomSeed);
            }
        }
        throw new ConfigurationException(
                property,
                value,
                "use filesystem, alphabetical, reversealphabetical, random,"
                        + " hourly, failedfirst or balanced, as in Surefire");
    }

    /**
     * How to order units of equal expected time.
     *
     * @param discovered the units in the order discovery found them (the order of the test classes on disk)
     * @param failedLastTime the keys of units that failed when they last ran
     * @param hourOfDay the hour now, for {@code hourly}: alphabetical on even hours, reversed on odd ones
     */
    public Comparator<Unit> tieBreak(Collection<Unit> discovered, Set<String> failedLastTime, int hourOfDay) {
        Comparator<Unit> byKey = Comparator.comparing(Unit::key);
        return switch (kind) {
            case FILESYSTEM, BALANCED -> Comparator.comparingInt(positions(discovered)::get);
            case ALPHABETICAL -> byKey;
            case REVERSEALPHABETICAL -> byKey.reversed();
            case HOURLY -> hourOfDay % 2 == 0 ? byKey : byKey.reversed();
            case FAILEDFIRST ->
                Comparator.comparing((Unit u) -> !failedLastTime.contains(u.key()))
                        .thenComparing(byKey);
            case RANDOM -> {
                List<Unit> shuffled = new java.util.ArrayList<>(
                        discovered.stream().sorted(byKey).toList());
                java.util.Collections.shuffle(shuffled, new Random(randomSeed));
                yield Comparator.comparingInt(positions(shuffled)::get);
            }
        };
    }

    private static Map<Unit, Integer> positions(Collection<Unit> units) {
        Map<Unit, Integer> positions = new HashMap<>();
        for (Unit unit : units) {
            positions.putIfAbsent(unit, positions.size());
        }
        return positions;
    }
}
