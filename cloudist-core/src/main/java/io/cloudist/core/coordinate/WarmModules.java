package io.cloudist.core.coordinate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The modules whose test JVMs a worker keeps warm, as the coordinator follows them: the module it warms at boot, then
 * the module of each task handed to it, of which it keeps the last {@value #MAX_WARM} warm, as the worker's
 * {@code ModuleRunners} does (the least recently used closed first).
 */
final class WarmModules {
    /** The most test JVMs a worker keeps warm, one per module: the worker's {@code ModuleRunners.MAX_WARM}. */
    static final int MAX_WARM = 2;

    private final String boot;
    /** The modules of the tasks handed to the worker, in the order it runs them. */
    private final List<String> used = new ArrayList<>();
    /** {@link #warm()}, kept for {@link #isWarm}, which a choice of task asks for every task it looks at. */
    private Set<String> warm;

    /** @param boot the module whose test JVM the worker starts at boot; "" for none */
    WarmModules(String boot) {
        this.boot = boot;
        this.warm = warm();
    }

    /** The worker was handed a task of {@code module}. */
    void use(String module) {
        used.add(module);
        warm = warm();
    }

    /** The task last handed to the worker went to another one before it started. */
    void unuseLast() {
        if (!used.isEmpty()) {
            used.remove(used.size() - 1);
            warm = warm();
        }
    }

    boolean isWarm(String module) {
        return warm.contains(module);
    }

    /** The warm modules, the most recently used first. */
    Set<String> warm() {
        Set<String> warm = new LinkedHashSet<>();
        for (int i = used.size() - 1; i >= 0 && warm.size() < MAX_WARM; i--) {
            warm.add(used.get(i));
        }
        if (warm.size() < MAX_WARM && !boot.isEmpty()) {
            warm.add(boot);
        }
        return warm;
    }
}
