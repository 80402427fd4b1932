package io.cloudist.runner;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/** The fields of a test plan node, named as cloudist's {@code TestNode} names them. */
final class NodeJson {
    private NodeJson() {}

    /** A JSON object holding only the node's fields. */
    static JsonObject of(TestIdentifier node) {
        return addFields(new JsonObject(), node);
    }

    /** Adds the node's fields to {@code target} and returns it. */
    static JsonObject addFields(JsonObject target, TestIdentifier node) {
        TestSource source = node.getSource().orElse(null);
        String className = "";
        String methodName = "";
        String methodParameters = "";
        if (source instanceof ClassSource) {
            className = ((ClassSource) source).getClassName();
        } else if (source instanceof MethodSource) {
            MethodSource method = (MethodSource) source;
            className = method.getClassName();
            methodName = method.getMethodName();
            methodParameters = method.getMethodParameterTypes();
        }
        return target.put("uniqueId", node.getUniqueId())
                .put("parentId", node.getParentId().orElse(""))
                .put("displayName", node.getDisplayName())
                .put("legacyName", node.getLegacyReportingName())
                .put("kind", kind(node))
                .put("className", className)
                .put("methodName", methodName)
                .put("methodParameters", methodParameters);
    }

    /** The class of the node's source, or "" when it has none. */
    static String className(TestIdentifier node) {
        TestSource source = node.getSource().orElse(null);
        if (source instanceof ClassSource) {
            return ((ClassSource) source).getClassName();
        }
        return source instanceof MethodSource ? ((MethodSource) source).getClassName() : "";
    }

    private static String kind(TestIdentifier node) {
        if (node.isContainer() && node.isTest()) {
            return "CONTAINER_AND_TEST";
        }
        return node.isTest() ? "TEST" : "CONTAINER";
    }
}
