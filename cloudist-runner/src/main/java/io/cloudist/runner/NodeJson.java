package io.cloudist.runner;

import java.lang.annotation.Annotation;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/** The fields of a test plan node, named as cloudist's {@code TestNode} names them. */
final class NodeJson {
    /** Jupiter's annotation that gives a class the display name Surefire reports it by. */
    private static final String DISPLAY_NAME = "org.junit.jupiter.api.DisplayName";

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
        boolean displayNameAnnotated = false;
        if (source instanceof ClassSource) {
            className = ((ClassSource) source).getClassName();
            displayNameAnnotated = hasDisplayNameAnnotation((ClassSource) source);
        } else if (source instanceof MethodSource) {
            MethodSource method = (MethodSource) source;
            className = method.getClassName();
            methodName = method.getMethodName();
            methodParameters = method.getMethodParameterTypes();
        }
        target.put("uniqueId", node.getUniqueId())
                .put("parentId", node.getParentId().orElse(""))
                .put("displayName", node.getDisplayName())
                .put("legacyName", node.getLegacyReportingName())
                .put("kind", kind(node))
                .put("className", className)
                .put("methodName", methodName)
                .put("methodParameters", methodParameters);
        return displayNameAnnotated ? target.put("displayNameAnnotated", true) : target;
    }

    /**
     * Whether the class carries Jupiter's {@code @DisplayName} itself: Surefire reports a class by its display name
     * only then, and by its class name when the display name comes from a {@code DisplayNameGenerator}. A class that
     * cannot be loaded here has none.
     */
    private static boolean hasDisplayNameAnnotation(ClassSource source) {
        try {
            for (Annotation annotation : source.getJavaClass().getDeclaredAnnotations()) {
                if (annotation.annotationType().getName().equals(DISPLAY_NAME)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
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
