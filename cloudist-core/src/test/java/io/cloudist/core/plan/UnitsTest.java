package io.cloudist.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestNode.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitsTest {
    private static final String E = "[engine:junit-jupiter]";
    private static final String V = "[engine:junit-vintage]";

    private static TestNode node(String id, String parent, Kind kind, String cls, String method) {
        return new TestNode(id, parent, id, id, kind, cls, method, "");
    }

    private final List<TestNode> plan = List.of(
            node(E, "", Kind.CONTAINER, "", ""),
            node(E + "/[class:a.FooTest]", E, Kind.CONTAINER, "a.FooTest", ""),
            node(E + "/[class:a.FooTest]/[method:t()]", E + "/[class:a.FooTest]", Kind.TEST, "a.FooTest", "t"),
            node(
                    E + "/[class:a.FooTest]/[test-template:p(int)]",
                    E + "/[class:a.FooTest]",
                    Kind.CONTAINER,
                    "a.FooTest",
                    "p"),
            node(
                    E + "/[class:a.FooTest]/[nested-class:In]",
                    E + "/[class:a.FooTest]",
                    Kind.CONTAINER,
                    "a.FooTest$In",
                    ""),
            node(
                    E + "/[class:a.FooTest]/[nested-class:In]/[method:n()]",
                    E + "/[class:a.FooTest]/[nested-class:In]",
                    Kind.TEST,
                    "a.FooTest$In",
                    "n"),
            node(V, "", Kind.CONTAINER, "", ""),
            node(V + "/[runner:a.OldTest]", V, Kind.CONTAINER, "a.OldTest", ""),
            node(
                    V + "/[runner:a.OldTest]/[test:x(a.OldTest)]",
                    V + "/[runner:a.OldTest]",
                    Kind.TEST,
                    "a.OldTest",
                    "x"));

    @Test
    void methodLevelNodesAreTestsTemplatesAndFactoriesButNotTheirChildren() {
        assertThat(Units.methodLevel(plan)).extracting(TestNode::methodName).containsExactly("t", "p", "n", "x");
    }

    @Test
    void classGranularityGroupsNestedClassesWithTheirOuterClass() {
        List<Unit> units = Units.of(plan, Units.methodLevel(plan), Granularity.CLASS);
        assertThat(units).extracting(Unit::key).containsExactly("a.FooTest", "a.OldTest");
        assertThat(units.get(0).uniqueIds()).hasSize(3);
        assertThat(units.get(0).tests()).isEqualTo(3);
    }

    @Test
    void methodGranularityMakesOneUnitPerMethodLevelNode() {
        List<Unit> units = Units.of(plan, Units.methodLevel(plan), Granularity.METHOD);
        assertThat(units).hasSize(4);
        assertThat(units)
                .extracting(Unit::className)
                .containsExactly("a.FooTest", "a.FooTest", "a.FooTest", "a.OldTest");
        assertThat(units.get(0).key()).isEqualTo(E + "/[class:a.FooTest]/[method:t()]");
    }
}
