package io.cloudist.core.report;

import io.cloudist.core.model.TestNode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names a JUnit Platform node the way Surefire 3.5.4's JUnit Platform provider does with default settings, or, for a
 * project Surefire would run with its JUnit 4 or 3 provider, the way that provider does (see
 * {@link #describedTest}).
 *
 * <ul>
 *   <li>The report class is the class of the node's top-level container (the child of the engine), so {@code @Nested}
 *       tests land in their outer class's file.
 *   <li>The {@code classname} is the nearest class container's {@code @DisplayName}, or its class name.
 *   <li>The {@code name} is the method name; for parameterized, repeated, templated and dynamic tests, and for methods
 *       with parameters, it is JUnit's legacy reporting name ({@code values(String)[1]}, {@code dyn()[3][1]}).
 * </ul>
 *
 * <p>Surefire reads {@code @DisplayName} through reflection; cloudist only has the display name, so it takes a class
 * display name other than the class's simple or full name as an explicit {@code @DisplayName}.
 */
public final class ReportNaming {
    private static final Pattern INVOCATION = Pattern.compile("^.*\\[\\d+]$");
    private static final Pattern INVOCATION_CONTAINER = Pattern.compile("^\\[.+]$");

    private static final String VINTAGE = "[engine:junit-vintage]";
    private static final String JUPITER = "[engine:junit-jupiter]";

    private final Map<String, TestNode> nodesById;
    private final SurefireProvider provider;

    private ReportNaming(Map<String, TestNode> nodesById, SurefireProvider provider) {
        this.nodesById = nodesById;
        this.provider = provider;
    }

    /**
     * Names a test, or a container whose own execution failed or was skipped.
     *
     * @param node the node to name
     * @param nodesById every known node by unique id, to walk up the parents
     */
    public static ReportName of(TestNode node, Map<String, TestNode> nodesById) {
        return of(node, nodesById, SurefireProvider.JUNIT_PLATFORM);
    }

    /** Names a node as {@code provider} names it. */
    public static ReportName of(TestNode node, Map<String, TestNode> nodesById, SurefireProvider provider) {
        return new ReportNaming(nodesById, provider).name(node);
    }

    /** The label Surefire's console uses for a class: its {@code @DisplayName}, or its class name. */
    public static String classLabel(TestNode classNode) {
        return displayNameTag(classNode).orElse(classNode.className());
    }

    private ReportName name(TestNode node) {
        Optional<String> topClass = topClass(node);
        if (describes(node) && node.kind().isTest()) {
            return describedTest(node, topClass);
        }
        if (isMethod(node)) {
            Optional<TestNode> enclosing = parent(node).flatMap(this::nearestClass);
            String suite =
                    topClass.orElseGet(() -> enclosing.map(TestNode::className).orElse(node.className()));
            String name = isParameterized(node) ? node.legacyName() : node.methodName();
            String className = node.kind().isTest()
                    ? testClassName(node)
                    : enclosing.map(ReportNaming::classLabel).orElse(node.className());
            return new ReportName(suite, className, name);
        }
        if (isClass(node)) {
            String suite = topClass.orElse(node.className());
            return new ReportName(suite, classLabel(node), "", describes(node) ? node.className() : suite);
        }
        String parentName = parent(node).map(TestNode::displayName).orElse(node.displayName());
        String className = node.kind().isTest() ? testClassName(node) : parentName;
        return new ReportName(topClass.orElse(parentName), className, node.displayName());
    }

    private boolean describes(TestNode node) {
        return provider.namesByDescription() && node.uniqueId().startsWith(VINTAGE);
    }

    /**
     * Surefire's JUnit 4 and 3 providers: the test's {@code Description} gives both names, its class (the source's)
     * and its whole method name ({@code squares[2 squared is 4]}, a JUnit 3 {@code getName()} with its suffix, a
     * custom runner's name), which the Vintage engine keeps as the legacy reporting name. The report is still the
     * class the provider ran, which may be a suite.
     */
    private ReportName describedTest(TestNode node, Optional<String> topClass) {
        String suite = topClass.orElse(node.className());
        String className = node.className().isEmpty() ? suite : node.className();
        return new ReportName(suite, className, node.legacyName(), className);
    }

    /** Surefire: the {@code @DisplayName} or legacy name of the first class container at or above the test. */
    private String testClassName(TestNode test) {
        TestNode current = test;
        while (!isClass(current) || current.kind() == TestNode.Kind.TEST) {
            Optional<TestNode> parent = parent(current);
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
        }
        return displayNameTag(current).orElse(current.legacyName());
    }

    private boolean isParameterized(TestNode node) {
        if (!node.methodParameters().isBlank()
                || INVOCATION.matcher(node.legacyName()).matches()) {
            return true;
        }
        for (Optional<TestNode> p = parent(node); p.isPresent(); p = parent(p.get())) {
            TestNode ancestor = p.get();
            boolean hasSource = !ancestor.className().isEmpty();
            if (!hasSource
                    && INVOCATION_CONTAINER.matcher(ancestor.legacyName()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The class of the child of the engine root above (or at) the node, when that child is a class. */
    private Optional<String> topClass(TestNode node) {
        TestNode current = node;
        Optional<TestNode> parent = parent(current);
        while (parent.isPresent() && !parent.get().isRoot()) {
            current = parent.get();
            parent = parent(current);
        }
        return isClass(current) ? Optional.of(current.className()) : Optional.empty();
    }

    private Optional<TestNode> nearestClass(TestNode node) {
        for (Optional<TestNode> n = Optional.of(node); n.isPresent(); n = parent(n.get())) {
            if (isClass(n.get())) {
                return n;
            }
        }
        return Optional.empty();
    }

    private Optional<TestNode> parent(TestNode node) {
        return node.isRoot() ? Optional.empty() : Optional.ofNullable(nodesById.get(node.parentId()));
    }

    static boolean isClass(TestNode node) {
        return !node.className().isEmpty() && !node.hasMethod();
    }

    private static boolean isMethod(TestNode node) {
        return node.hasMethod();
    }

    /**
     * A class's display name when Surefire reports the class by it. A Jupiter class is reported by its display name
     * only when it carries {@code @DisplayName} itself, not when a {@code DisplayNameGenerator} (such as {@code
     * ReplaceUnderscores}) made it; for other engines, a display name other than the class's names counts as given.
     */
    private static Optional<String> displayNameTag(TestNode classNode) {
        if (classNode.uniqueId().contains(JUPITER) && !classNode.displayNameAnnotated()) {
            return Optional.empty();
        }
        String display = classNode.displayName();
        String className = classNode.className();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String innermost = simple.substring(simple.lastIndexOf('$') + 1);
        boolean generated = display.isEmpty()
                || display.equals(className)
                || display.equals(simple)
                || display.equals(innermost)
                || display.equals(classNode.legacyName());
        return generated ? Optional.empty() : Optional.of(display);
    }
}
