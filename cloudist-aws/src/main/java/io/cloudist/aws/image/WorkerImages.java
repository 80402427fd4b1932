package io.cloudist.aws.image;

import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
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
 */
public final class WorkerImages {
    /** The base image when none is configured: Amazon Corretto's JDK of the feature version, from ECR Public. */
    static final String CORRETTO = "public.ecr.aws/amazoncorretto/amazoncorretto:";

    private final EcrRepository repository;
    private final ImageBuilder builder;
    private final String baseImage;
    private final RunListener listener;
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
     * @throws io.cloudist.core.CloudistException when it cannot be looked up, built or pushed
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
        BuiltImage image = builder.ensure(inputs, target, repository.lookup(target), null);
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
}
