package io.cloudist.core.run;

import io.cloudist.core.discover.DiscoveryCache;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.select.SelectionPlan;
import io.cloudist.core.ship.Shipment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Discovers a run's test plan, unless nothing it depends on changed since the last run. */
final class CachedDiscovery {
    private final RunRequest request;
    private final RunServices.Discoverer discoverer;
    /** The plan {@link #cached} found, with its key. */
    private Map.Entry<String, List<TestNode>> found;

    CachedDiscovery(RunRequest request, RunServices.Discoverer discoverer) {
        this.request = request;
        this.discoverer = discoverer;
    }

    /** True when the cache holds the test plan of this selection and shipment: discovery starts no JVM. */
    boolean cached(SelectionPlan selection, Shipment shipment) {
        String key = key(selection, shipment);
        Optional<List<TestNode>> nodes = cache().get(key);
        nodes.ifPresent(found -> this.found = Map.entry(key, found));
        return nodes.isPresent();
    }

    List<TestNode> discover(SelectionPlan selection, Shipment shipment) {
        String key = key(selection, shipment);
        if (found != null && found.getKey().equals(key)) {
            return found.getValue();
        }
        DiscoveryCache cache = cache();
        return cache.get(key).orElseGet(() -> {
            List<TestNode> nodes =
                    discoverer.discover(request.testJvm(), request.shipping().runnerJar(), selection, scratch());
            cache.put(key, nodes);
            return nodes;
        });
    }

    private String key(SelectionPlan selection, Shipment shipment) {
        List<String> parts = new ArrayList<>();
        shipment.classpath().forEach(ref -> parts.add(ref.sha256()));
        parts.addAll(selection.classNames());
        parts.add(selection.includeTags());
        parts.add(selection.excludeTags());
        parts.add(String.join(",", selection.includeEngines()) + "/" + String.join(",", selection.excludeEngines()));
        new TreeMap<>(request.testJvm().configurationParameters())
                .forEach((k, v) -> parts.add("config " + k + "=" + v));
        parts.add(request.testJvm().javaExecutable().toString());
        parts.add(request.testJvm().argLine());
        new TreeMap<>(request.testJvm().systemProperties()).forEach((k, v) -> parts.add(k + "=" + v));
        return DiscoveryCache.key(parts);
    }

    private Path scratch() {
        return request.module().workDirectory().resolve("discovery");
    }

    private DiscoveryCache cache() {
        return new DiscoveryCache(scratch().resolve("cache.json"));
    }
}
