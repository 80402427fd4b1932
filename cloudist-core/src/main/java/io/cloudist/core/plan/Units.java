package io.cloudist.core.plan;

import io.cloudist.core.model.TestNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a discovered test plan into units. A <em>method-level node</em> is the top-most node on its path that has a
 * method source or is a test: a test method, a test template (parameterized, repeated) or a test factory, or a
 * JUnit 4 test. Running it by its unique id runs everything under it.
 */
public final class Units {
    private Units() {}

    /** The method-level nodes of {@code nodes}, in discovery order. */
    public static List<TestNode> methodLevel(Collection<TestNode> nodes) {
        Map<String, TestNode> byId = byId(nodes);
        List<TestNode> result = new ArrayList<>();
        for (TestNode node : nodes) {
            if (selectable(node) && !hasSelectableAncestor(node, byId)) {
                result.add(node);
            }
        }
        return result;
    }

    /** Groups method-level nodes into units of the given granularity, in a run of one module. */
    public static List<Unit> of(Collection<TestNode> nodes, List<TestNode> methodLevel, Granularity granularity) {
        return of("", nodes, methodLevel, granularity);
    }

    /** Groups {@code module}'s method-level nodes into units of the given granularity. */
    public static List<Unit> of(
            String module, Collection<TestNode> nodes, List<TestNode> methodLevel, Granularity granularity) {
        Map<String, TestNode> byId = byId(nodes);
        Map<String, Integer> testCounts = testCounts(nodes, byId);
        if (granularity == Granularity.METHOD) {
            return methodLevel.stream()
                    .map(n -> new Unit(
                            n.uniqueId(),
                            topClass(n, byId),
                            List.of(n.uniqueId()),
                            testCounts.get(n.uniqueId()),
                            module))
                    .toList();
        }
        Map<String, List<TestNode>> byClass = new LinkedHashMap<>();
        for (TestNode n : methodLevel) {
            byClass.computeIfAbsent(topClass(n, byId), k -> new ArrayList<>()).add(n);
        }
        List<Unit> units = new ArrayList<>();
        byClass.forEach((cls, members) -> units.add(new Unit(
                cls,
                cls,
                members.stream().map(TestNode::uniqueId).toList(),
                members.stream().mapToInt(m -> testCounts.get(m.uniqueId())).sum(),
                module)));
        return units;
    }

    /** The class of the top-most class-level container above {@code node} (the outer class of nested ones). */
    public static String topClass(TestNode node, Map<String, TestNode> byId) {
        String cls = node.className();
        String fallback = node.uniqueId();
        for (TestNode p = byId.get(node.parentId()); p != null; p = byId.get(p.parentId())) {
            if (!p.isRoot()) {
                fallback = p.uniqueId();
                if (!p.className().isEmpty()) {
                    cls = p.className();
                }
            }
        }
        String name = cls.isEmpty() ? fallback : cls;
        int nested = name.indexOf('$');
        return nested > 0 ? name.substring(0, nested) : name;
    }

    private static boolean selectable(TestNode node) {
        return !node.isRoot() && (node.hasMethod() || node.kind().isTest());
    }

    private static boolean hasSelectableAncestor(TestNode node, Map<String, TestNode> byId) {
        for (TestNode p = byId.get(node.parentId()); p != null; p = byId.get(p.parentId())) {
            if (selectable(p)) {
                return true;
            }
        }
        return false;
    }

    /** For each node, the number of tests at or below it (at least 1 for a method-level node). */
    private static Map<String, Integer> testCounts(Collection<TestNode> nodes, Map<String, TestNode> byId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TestNode n : nodes) {
            if (n.kind().isTest()) {
                for (TestNode p = n; p != null; p = byId.get(p.parentId())) {
                    counts.merge(p.uniqueId(), 1, Integer::sum);
                }
            }
        }
        for (TestNode n : nodes) {
            counts.putIfAbsent(n.uniqueId(), 1);
        }
        return counts;
    }

    public static Map<String, TestNode> byId(Collection<TestNode> nodes) {
        Map<String, TestNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.uniqueId(), n));
        return byId;
    }
}
