package io.cloudist.core.report;

import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestNode.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds test plans the way the JUnit Platform (Jupiter 5.14, Vintage) reports them, node by node. */
final class Plan {
    private final Map<String, TestNode> nodes = new LinkedHashMap<>();

    Map<String, TestNode> nodes() {
        return nodes;
    }

    TestNode jupiter() {
        return add(new TestNode(
                "[engine:junit-jupiter]", "", "JUnit Jupiter", "JUnit Jupiter", Kind.CONTAINER, "", "", ""));
    }

    TestNode vintage() {
        return add(new TestNode(
                "[engine:junit-vintage]", "", "JUnit Vintage", "JUnit Vintage", Kind.CONTAINER, "", "", ""));
    }

    /** A top-level class; its display name is the simple name unless {@code @DisplayName} says otherwise. */
    TestNode testClass(String className) {
        return testClass(className, className.substring(className.lastIndexOf('.') + 1));
    }

    /** A top-level class with {@code @DisplayName(displayName)}, or none when it is the simple name. */
    TestNode testClass(String className, String displayName) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        return testClass(className, displayName, !displayName.equals(simpleName));
    }

    /** A top-level class whose display name a {@code DisplayNameGenerator} made. */
    TestNode generatedClass(String className, String displayName) {
        return testClass(className, displayName, false);
    }

    private TestNode testClass(String className, String displayName, boolean annotated) {
        TestNode engine = nodes.containsKey("[engine:junit-jupiter]") ? nodes.get("[engine:junit-jupiter]") : jupiter();
        return add(new TestNode(
                engine.uniqueId() + "/[class:" + className + "]",
                engine.uniqueId(),
                displayName,
                className,
                Kind.CONTAINER,
                className,
                "",
                "",
                annotated));
    }

    TestNode nested(TestNode outer, String simpleName) {
        return nested(outer, simpleName, simpleName);
    }

    /** A {@code @Nested} class with {@code @DisplayName(displayName)}, or none when it is the simple name. */
    TestNode nested(TestNode outer, String simpleName, String displayName) {
        return nested(outer, simpleName, displayName, !displayName.equals(simpleName));
    }

    /** A {@code @Nested} class whose display name a {@code DisplayNameGenerator} made. */
    TestNode generatedNested(TestNode outer, String simpleName, String displayName) {
        return nested(outer, simpleName, displayName, false);
    }

    private TestNode nested(TestNode outer, String simpleName, String displayName, boolean annotated) {
        String className = outer.className() + "$" + simpleName;
        return add(new TestNode(
                outer.uniqueId() + "/[nested-class:" + simpleName + "]",
                outer.uniqueId(),
                displayName,
                className,
                Kind.CONTAINER,
                className,
                "",
                "",
                annotated));
    }

    TestNode method(TestNode parent, String method) {
        return method(parent, method, method + "()");
    }

    TestNode method(TestNode parent, String method, String displayName) {
        return add(new TestNode(
                parent.uniqueId() + "/[method:" + method + "()]",
                parent.uniqueId(),
                displayName,
                method + "()",
                Kind.TEST,
                parent.className(),
                method,
                ""));
    }

    /**
     * A {@code @ParameterizedTest} or {@code @RepeatedTest} container.
     *
     * @param parameterTypes as in the unique id, e.g. {@code int, java.lang.String}
     * @param shortSignature as in the display name, e.g. {@code csv(int, String)}
     */
    TestNode template(TestNode parent, String method, String parameterTypes, String shortSignature) {
        return add(new TestNode(
                parent.uniqueId() + "/[test-template:" + method + "(" + parameterTypes + ")]",
                parent.uniqueId(),
                shortSignature,
                shortSignature,
                Kind.CONTAINER,
                parent.className(),
                method,
                parameterTypes));
    }

    TestNode invocation(TestNode template, int index, String displayName) {
        return add(new TestNode(
                template.uniqueId() + "/[test-template-invocation:#" + index + "]",
                template.uniqueId(),
                displayName,
                template.legacyName() + "[" + index + "]",
                Kind.TEST,
                template.className(),
                template.methodName(),
                template.methodParameters()));
    }

    TestNode factory(TestNode parent, String method) {
        return add(new TestNode(
                parent.uniqueId() + "/[test-factory:" + method + "()]",
                parent.uniqueId(),
                method + "()",
                method + "()",
                Kind.CONTAINER,
                parent.className(),
                method,
                ""));
    }

    /** A dynamic test; Jupiter gives it its factory's method source. */
    TestNode dynamicTest(TestNode parent, int index, String displayName) {
        return add(dynamic(parent, "dynamic-test", index, displayName, Kind.TEST));
    }

    TestNode dynamicContainer(TestNode parent, int index, String displayName) {
        return add(dynamic(parent, "dynamic-container", index, displayName, Kind.CONTAINER));
    }

    private static TestNode dynamic(TestNode parent, String segment, int index, String displayName, Kind kind) {
        return new TestNode(
                parent.uniqueId() + "/[" + segment + ":#" + index + "]",
                parent.uniqueId(),
                displayName,
                parent.legacyName() + "[" + index + "]",
                kind,
                parent.className(),
                parent.methodName(),
                parent.methodParameters());
    }

    TestNode runner(String className) {
        TestNode engine = nodes.containsKey("[engine:junit-vintage]") ? nodes.get("[engine:junit-vintage]") : vintage();
        return add(new TestNode(
                engine.uniqueId() + "/[runner:" + className + "]",
                engine.uniqueId(),
                className.substring(className.lastIndexOf('.') + 1),
                className,
                Kind.CONTAINER,
                className,
                "",
                ""));
    }

    TestNode vintageTest(TestNode runner, String method) {
        return add(new TestNode(
                runner.uniqueId() + "/[test:" + method + "(" + runner.className() + ")]",
                runner.uniqueId(),
                method,
                method,
                Kind.TEST,
                runner.className(),
                method,
                ""));
    }

    TestNode add(TestNode node) {
        nodes.put(node.uniqueId(), node);
        return node;
    }
}
