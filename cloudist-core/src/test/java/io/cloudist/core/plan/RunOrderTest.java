package io.cloudist.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.ConfigurationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunOrderTest {
    private static final List<Unit> DISCOVERED = List.of(unit("b.BTest"), unit("c.CTest"), unit("a.ATest"));

    private static Unit unit(String name) {
        return new Unit(name, name, List.of("[engine:e]/[class:" + name + "]"), 1);
    }

    /** The first task of each plan, with every unit expected to take as long: the order the tie-break gives. */
    private static List<String> order(RunOrder order, Set<String> failed, int hour) {
        return Planner.plan(DISCOVERED, 3, 1, 0, u -> 1.0, order.tieBreak(DISCOVERED, failed, hour)).stream()
                .map(t -> t.units().get(0).key())
                .toList();
    }

    @Test
    void unitsOfEqualExpectedTimeFollowSurefiresRunOrder() {
        assertThat(order(RunOrder.DEFAULT, Set.of(), 0)).containsExactly("b.BTest", "c.CTest", "a.ATest");
        assertThat(order(new RunOrder(RunOrder.Kind.ALPHABETICAL, 0), Set.of(), 0))
                .containsExactly("a.ATest", "b.BTest", "c.CTest");
        assertThat(order(new RunOrder(RunOrder.Kind.REVERSEALPHABETICAL, 0), Set.of(), 0))
                .containsExactly("c.CTest", "b.BTest", "a.ATest");
        assertThat(order(new RunOrder(RunOrder.Kind.HOURLY, 0), Set.of(), 3))
                .containsExactly("c.CTest", "b.BTest", "a.ATest");
        assertThat(order(new RunOrder(RunOrder.Kind.FAILEDFIRST, 0), Set.of("c.CTest"), 0))
                .containsExactly("c.CTest", "a.ATest", "b.BTest");
    }

    @Test
    void randomIsTheSameForTheSameSeed() {
        RunOrder random = new RunOrder(RunOrder.Kind.RANDOM, 7);
        assertThat(order(random, Set.of(), 0))
                .isEqualTo(order(random, Set.of(), 0))
                .containsExactlyInAnyOrder("a.ATest", "b.BTest", "c.CTest");
    }

    @Test
    void timingComesBeforeTheRunOrder() {
        List<Task> tasks = Planner.plan(
                DISCOVERED,
                3,
                1,
                0,
                u -> u.key().equals("c.CTest") ? 5.0 : 1.0,
                new RunOrder(RunOrder.Kind.ALPHABETICAL, 0).tieBreak(DISCOVERED, Set.of(), 0));
        assertThat(tasks.get(0).units().get(0).key()).isEqualTo("c.CTest");
    }

    @Test
    void anUnknownRunOrderIsAConfigurationError() {
        assertThatThrownBy(() -> RunOrder.parse("sideways", 0, "surefire.runOrder"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("sideways");
        assertThat(RunOrder.parse(" Alphabetical ", 0, "x").kind()).isEqualTo(RunOrder.Kind.ALPHABETICAL);
    }
}
