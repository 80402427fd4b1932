package io.cloudist.aws.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Builds a worker image with Jib, without Docker, and pushes it, unless its repository holds it already: the image's
 * tag is the digest of its inputs ({@link ImageInputs#tag()}), so an unchanged project pushes nothing, and the
 * registry's own check of each blob makes a changed dependency push the dependency layer alone.
 *
 * <p>The image is reproducible: creation time and file times are fixed, entries sorted, permissions set, so the same
 * inputs give the same digest on any machine.
 */
public final class ImageBuilder {
    /** The modification time of every file in cloudist's layers (Jib's own default, said out loud). */
    static final Instant FILE_TIME = Instant.ofEpochSecond(1);

    private static final FilePermissions READ_ONLY = FilePermissions.fromOctalString("644");

    private final Path cache;
    private final RunListener listener;
    private final Clock clock;

    /**
     * @param cache where Jib keeps the layers it made and the base layers it pulled, between builds
     * @param listener told of progress and of the result
     */
    public ImageBuilder(Path cache, RunListener listener, Clock clock) {
        this.cache = cache;
        this.listener = listener;
        this.clock = clock;
    }

    /** Where Jib keeps its layers; cloudist keeps what it learnt of base images beside them. */
    Path cache() {
        return cache;
    }

    /**
     * The image of {@code inputs} in {@code target}: looked up first, built and pushed only when missing.
     *
     * @param base credentials for the base image's registry, or {@code null} for none
     * @throws ImageBuildException when the image cannot be looked up, built or pushed
     */
    public BuiltImage ensure(ImageInputs inputs, ImageTarget target, ImageLookup lookup, ImageTarget base) {
        return ensure(inputs, target, lookup, base, () -> {});
    }

    /**
     * As {@link #ensure(ImageInputs, ImageTarget, ImageLookup, ImageTarget)}, running {@code beforeBuild} when the
     * image is missing, before anything is pulled or pushed.
     */
    BuiltImage ensure(
            ImageInputs inputs, ImageTarget target, ImageLookup lookup, ImageTarget base, Runnable beforeBuild) {
        Instant start = clock.instant();
        String tag = inputs.tag();
        Optional<String> found = lookup.digestOf(tag);
        if (found.isPresent()) {
            BuiltImage image = new BuiltImage(
                    target.reference(tag), found.get(), false, 0, 0, 0, 0, Duration.between(start, clock.instant()));
            listener.line(ConsoleLine.info(image.describe()));
            return image;
        }
        beforeBuild.run();
        PushCounter pushes = new PushCounter(target.reference(tag), listener);
        JibContainer container = containerize(inputs, target, base, tag, pushes);
        BuiltImage image = new BuiltImage(
                target.reference(tag),
                container.getDigest().toString(),
                true,
                pushes.blobsPushed(),
                pushes.blobs(),
                pushes.bytesPushed(),
                pushes.bytes(),
                Duration.between(start, clock.instant()));
        listener.line(ConsoleLine.info(image.describe()));
        return image;
    }

    private JibContainer containerize(
            ImageInputs inputs, ImageTarget target, ImageTarget base, String tag, PushCounter pushes) {
        try {
            RegistryImage from = registryImage(inputs.baseImage(), base);
            Set<Platform> platforms = new LinkedHashSet<>();
            inputs.platformArchitectures().forEach(a -> platforms.add(new Platform(a, "linux")));
            JibContainerBuilder builder = Jib.from(from)
                    .setPlatforms(platforms)
                    .setCreationTime(Instant.EPOCH)
                    .addFileEntriesLayer(workerLayer(inputs))
                    .setEntrypoint(ImageLayout.entrypoint(inputs.workerJars()))
                    .setProgramArguments(java.util.List.of())
                    .addLabel("io.cloudist.inputs", tag);
            if (!inputs.dependencyJars().isEmpty()) {
                builder.addFileEntriesLayer(dependencyLayer(inputs));
            }
            Containerizer to = Containerizer.to(registryImage(target.reference(tag), target))
                    .setAllowInsecureRegistries(target.plainHttp() || (base != null && base.plainHttp()))
                    .setToolName("cloudist")
                    .setBaseImageLayersCache(cache.resolve("base"))
                    .setApplicationLayersCache(cache.resolve("layers"))
                    .addEventHandler(ProgressEvent.class, pushes::progress)
                    .addEventHandler(LogEvent.class, pushes::log);
            return builder.containerize(to);
        } catch (InvalidImageReferenceException e) {
            throw new ImageBuildException("Not an image reference: " + e.getMessage(), e);
        } catch (RegistryException | ExecutionException | IOException | CacheDirectoryCreationException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new ImageBuildException(
                    "Cannot build the worker image " + target.reference(tag) + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while building the worker image " + target.reference(tag), e);
        }
    }

    private static RegistryImage registryImage(String reference, ImageTarget credentials)
            throws InvalidImageReferenceException {
        RegistryImage image = RegistryImage.named(reference);
        if (credentials != null && credentials.hasCredentials()) {
            image.addCredential(credentials.username(), credentials.password());
        }
        return image;
    }

    private static FileEntriesLayer workerLayer(ImageInputs inputs) {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("worker");
        for (ImageInputs.Jar jar : inputs.workerJars()) {
            layer.addEntry(jar.file(), AbsoluteUnixPath.get(ImageLayout.workerJar(jar)), READ_ONLY, FILE_TIME);
        }
        return layer.build();
    }

    private static FileEntriesLayer dependencyLayer(ImageInputs inputs) {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("dependencies");
        for (ImageInputs.Jar jar : inputs.dependencyJars()) {
            layer.addEntry(jar.file(), AbsoluteUnixPath.get(ImageLayout.dependencyJar(jar)), READ_ONLY, FILE_TIME);
        }
        return layer.build();
    }
}
