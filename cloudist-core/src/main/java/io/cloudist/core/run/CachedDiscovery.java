package io.cloudist.core.run;

import io.cloudist.core.discover.DiscoveryCache;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.select.SelectionPlan;
import io.cloudist.core.ship.Shipment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Discovers a run's test plan, unless nothing it depends on changed since the last run. */
final class CachedDiscovery {
    private final RunRequest request;
    private final RunServices.Discoverer discoverer;

    CachedDiscovery(RunRequest request, RunServices.Discoverer discoverer) {
        this.request = request;
        this.discoverer = discoverer;
    }

    List<TestNode> discover(SelectionPlan selection, Shipment shipment) {
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
        String key = DiscoveryCache.key(parts);
        Path scratch = request.module().workDirectory().resolve("discovery");
        DiscoveryCache cache = new DiscoveryCache(scratch.resolve("cache.json"));
        return cache.get(key).orElseGet(() -> {
            List<TestNode> nodes =
                    discoverer.discover(request.testJvm(), request.shipping().runnerJar(), selection, scratch);
            cache.put(key, nodes);
            return nodes;
        });
    }
}
