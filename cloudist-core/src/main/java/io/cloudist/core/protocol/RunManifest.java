package io.cloudist.core.protocol;

import io.cloudist.core.CloudistException;
import java.util.List;
import java.util.Objects;

/**
 * {@code runs/<runId>/run.json}: what every worker of a run needs to start test JVMs, one entry per module of the run
 * (a reactor's run has several); each assignment names its module.
 *
 * @param schema document schema version; 2 and up have {@code modules} (schema 1 held one module's fields at the top)
 * @param runId the run
 * @param modules the modules whose tests the run runs
 */
public record RunManifest(int schema, String runId, List<ModuleManifest> modules) implements Documents.Versioned {

    /** Stands for the module directory in paths. */
    public static final String MODULE_DIR = "${cloudist.moduleDir}";
    /** Stands for the bundle's root (the project's root directory) in paths outside the module. */
    public static final String ROOT_DIR = "${cloudist.rootDir}";

    public RunManifest {
        Objects.requireNonNull(runId, "runId");
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    /** A run of one module. */
    public static RunManifest of(String runId, ModuleManifest module) {
        return new RunManifest(Documents.SCHEMA, runId, List.of(module));
    }

    /**
     * The entry of the module an assignment names; "" (an assignment of a run of one module) names the only one.
     *
     * @throws CloudistException when the manifest has no such module, or none at all (written by an older cloudist)
     */
    public ModuleManifest module(String name) {
        if (modules.isEmpty()) {
            throw new CloudistException("The manifest of run " + runId + " lists no module: it was written by a"
                    + " cloudist older than this worker (schema " + schema + "); use the same cloudist version"
                    + " everywhere");
        }
        if (name.isEmpty() && modules.size() == 1) {
            return modules.get(0);
        }
        return modules.stream()
                .filter(m -> m.module().equals(name))
                .findFirst()
                .orElseThrow(() -> new CloudistException("Run " + runId + " has no module " + name));
    }
}
