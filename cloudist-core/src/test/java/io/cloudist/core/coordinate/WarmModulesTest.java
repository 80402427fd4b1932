package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmModulesTest {
    @Test
    void aWorkerKeepsTheModuleItWarmedAtBootAndTheTwoItUsedLastTheLeastRecentlyUsedClosedFirst() {
        WarmModules warm = new WarmModules("boot");
        assertThat(warm.warm()).containsExactly("boot");

        warm.use("a");
        assertThat(warm.warm()).containsExactly("a", "boot");

        warm.use("b");
        assertThat(warm.warm()).containsExactly("b", "a");
        assertThat(warm.isWarm("boot")).isFalse();

        warm.use("a");
        warm.use("a");
        warm.use("c");
        assertThat(warm.warm()).containsExactly("c", "a");
    }

    @Test
    void aTaskThatMovedToAnotherWorkerBeforeItStartedWarmsNothing() {
        WarmModules warm = new WarmModules("boot");
        warm.use("a");
        warm.use("b");

        warm.unuseLast();

        assertThat(warm.warm()).containsExactly("a", "boot");
    }

    @Test
    void aWorkerThatWarmsNothingAtBootHasOnlyTheModulesOfItsTasksWarm() {
        WarmModules warm = new WarmModules("");
        assertThat(warm.warm()).isEmpty();
        warm.use("a");
        assertThat(warm.warm()).containsExactly("a");
    }
}
