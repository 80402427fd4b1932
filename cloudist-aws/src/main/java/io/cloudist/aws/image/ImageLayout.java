package io.cloudist.aws.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a worker image keeps cloudist's files, in two layers over its base:
 *
 * <pre>
 * /opt/cloudist/worker/&lt;sha256&gt;.jar          the worker agent's jars (layer "worker")
 * /opt/cloudist/cache/&lt;sha256&gt;/&lt;name&gt;       the tests' third-party jars (layer "dependencies"), laid out as the
 *                                            agent's blob cache: an agent started with --cache /opt/cloudist/cache
 *                                            fetches none of them from the store
 * </pre>
 *
 * The entrypoint starts the agent with the image's {@code java}; the arguments that make it a pool agent of an
 * instance come from the boot script.
 */
public final class ImageLayout {
    /** Everything of cloudist's in the image. */
    public static final String HOME = "/opt/cloudist";

    /** The worker agent's jars. */
    public static final String WORKER = HOME + "/worker";

    /** The agents' blob cache, seeded with the dependency jars. */
    public static final String CACHE = HOME + "/cache";

    /** The worker agent's main class. */
    public static final String MAIN = "io.cloudist.worker.WorkerMain";

    private ImageLayout() {}

    /** The path of a worker jar in the image. */
    static String workerJar(ImageInputs.Jar jar) {
        return WORKER + "/" + jar.sha256() + ".jar";
    }

    /** The path of a dependency jar in the image: where the agent's cache keeps it. */
    static String dependencyJar(ImageInputs.Jar jar) {
        return CACHE + "/" + jar.sha256() + "/" + jar.name();
    }

    /** The image's entrypoint: {@code java} (found on the base image's PATH) running the agent. */
    static List<String> entrypoint(List<ImageInputs.Jar> workerJars) {
        List<String> classpath = new ArrayList<>();
        workerJars.forEach(jar -> classpath.add(workerJar(jar)));
        return List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-cp", String.join(":", classpath), MAIN);
    }
}
