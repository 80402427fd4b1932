package io.cloudist.aws.image;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The worker image of a run's launches, made sure of once per set of inputs: the account's repository is asked
 * first, and the image is built and pushed only when it is missing. When it cannot be, the run goes on without one
 * (instances install Java and fetch the worker's jars at boot), and says so.
 *
 * <p>A base image the user named is checked, before an image is built on it, for a {@code java} on its {@code PATH}
 * of at least the build's Java version ({@link BaseImageCheck}). One that has none stops the run or the goal with a
 * {@link ConfigurationException} before any instance starts: booting without the image would run the tests without
 * what the user named the base for. A base that cannot be read for the check is built on unchecked, with a warning.
 * Amazon Corretto of the build's Java version, the default, is not checked.
 */
public final class WorkerImages {
    /** The base image when none is configured: Amazon Corretto's JDK of the feature version, from ECR Public. */
    static final String CORRETTO = "public.ecr.aws/amazoncorretto/amazoncorretto:";

    private final EcrRepository repository;
    private final ImageBuilder builder;
    private final String baseImage;
    private final RunListener listener;
    private final int javaFeatureVersion;
    private final boolean userNamedBase;
    private final BaseImageCheck check;
    private final Map<String, Optional<String>> made = new HashMap<>();

    /**
     * @param baseImage the configured base image, "" for Amazon Corretto of {@code javaFeatureVersion}
     */
    public WorkerImages(
            EcrRepository repository,
            ImageBuilder builder,
            String baseImage,
            int javaFeatureVersion,
            RunListener listener) {
        this.repository = repository;
        this.builder = builder;
        this.baseImage = baseImage.isEmpty() ? CORRETTO + javaFeatureVersion : baseImage;
        this.listener = listener;
        this.javaFeatureVersion = javaFeatureVersion;
        this.userNamedBase = !baseImage.isEmpty();
        this.check = new BaseImageCheck(builder.cache().resolve("base-java"));
    }

    /** The base image the worker image builds on. */
    public String baseImage() {
        return baseImage;
    }

    /**
     * The image of these classpaths for these architectures, pinned by digest ({@code <registry>/<repo>@sha256:..}),
     * or empty when it cannot be had: the warning says why.
     */
    public synchronized Optional<String> pinned(
            List<Path> workerClasspath, List<Path> testClasspath, Set<String> architectures) {
        if (workerClasspath.isEmpty() || architectures.isEmpty()) {
            return Optional.empty();
        }
        ImageInputs inputs = ImageInputs.of(baseImage, List.copyOf(architectures), workerClasspath, testClasspath);
        return made.computeIfAbsent(inputs.tag(), tag -> make(inputs));
    }

    private Optional<String> make(ImageInputs inputs) {
        try {
            return Optional.of(build(inputs).reference());
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            listener.line(ConsoleLine.warn("cloudist: Instances boot without the worker image: " + e.getMessage()
                    + ". They install Java and fetch the worker's jars at boot instead; -Dcloudist.image=false skips"
                    + " the image"));
            return Optional.empty();
        }
    }

    /**
     * The image of these classpaths, built and pushed when the repository lacks it ({@code cloudist:image}).
     *
     * @return the image, pinned by digest, in {@link BuiltImage#reference()}'s place
     * @throws io.cloudist.core.CloudistException when it cannot be looked up, built or pushed, or ({@link
     *     ConfigurationException}) when the named base image has no suitable {@code java}
     */
    public BuiltImage ensure(List<Path> workerClasspath, List<Path> testClasspath, Set<String> architectures) {
        if (workerClasspath.isEmpty() || architectures.isEmpty()) {
            throw new ImageBuildException("A worker image needs the worker's jars and an architecture: "
                    + workerClasspath.size() + " jars, architectures " + architectures);
        }
        return build(ImageInputs.of(baseImage, List.copyOf(architectures), workerClasspath, testClasspath));
    }

    /** The built (or found) image, with {@link BuiltImage#reference()} pinned by digest. */
    private BuiltImage build(ImageInputs inputs) {
        ImageTarget target = repository.target();
        BuiltImage image = builder.ensure(
                inputs, target, repository.lookup(target), null, () -> checkBase(inputs, target.plainHttp()));
        return new BuiltImage(
                target.pinned(image.digest()),
                image.digest(),
                image.built(),
                image.blobsPushed(),
                image.blobs(),
                image.bytesPushed(),
                image.bytes(),
                image.elapsed());
    }

    /** Fails when the user's base image has no {@code java} of at least the build's version on its PATH. */
    private void checkBase(ImageInputs inputs, boolean allowPlainHttp) {
        if (!userNamedBase) {
            return;
        }
        BaseJava java;
        try {
            java = check.java(baseImage, inputs.platformArchitectures().get(0), allowPlainHttp);
        } catch (IOException e) {
            listener.line(ConsoleLine.warn("cloudist: Cannot check the base image " + baseImage + " for java ("
                    + e.getMessage() + "); building on it unchecked"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while checking the base image " + baseImage, e);
        }
        if (!java.suits(javaFeatureVersion)) {
            throw new ConfigurationException(
                    CloudistProperties.BASE_IMAGE,
                    baseImage,
                    "the image has " + java.describe() + ", and the workers need Java " + javaFeatureVersion
                            + " or newer (the build's) on its PATH. Name a base image with a JDK " + javaFeatureVersion
                            + " or newer, or remove the setting to build on Amazon Corretto " + javaFeatureVersion);
        }
        listener.line(
                java.version().isEmpty()
                        ? ConsoleLine.warn("cloudist: The base image " + baseImage + " has " + java.describe()
                                + ": no release file names its version; building on it unchecked")
                        : ConsoleLine.info("cloudist: The base image " + baseImage + " has " + java.describe()));
    }
}
