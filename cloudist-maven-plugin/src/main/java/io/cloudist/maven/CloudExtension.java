package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.cloud.CloudSettings;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * cloudist-aws and the AWS SDK, which the ec2 backend and {@code s3://} stores need. They are not among the plugin's
 * dependencies: resolving and loading some forty SDK jars costs every run about half a second, so they are resolved
 * only for a run (or a setup or cleanup) that uses them, and loaded in a class loader of their own below the
 * plugin's, where core finds their providers with {@link java.util.ServiceLoader} through the context class loader.
 *
 * @param artifacts what to add to the plugin's classes (and to a cloud worker's classpath); empty for none
 */
record CloudExtension(List<ArtifactFile> artifacts) {
    static final String AWS = "io.cloudist:cloudist-aws";
    private static final String CORE = "io.cloudist:cloudist-core";

    CloudExtension {
        artifacts = List.copyOf(artifacts);
    }

    static CloudExtension none() {
        return new CloudExtension(List.of());
    }

    /** True when the run's workers or store live in the cloud: a backend other than local, or a store URI. */
    static boolean needed(CloudSettings cloud, String store) {
        return !cloud.isLocal() || (store.contains("://") && !store.startsWith("file:"));
    }

    /**
     * Resolves cloudist-aws of the plugin's own version, leaving out what the plugin already has.
     *
     * @param pluginArtifacts the plugin's resolved artifacts
     */
    static CloudExtension resolve(DependencyResolver resolver, List<ArtifactFile> pluginArtifacts) {
        String version = pluginArtifacts.stream()
                .filter(a -> a.key().equals(CORE))
                .map(ArtifactFile::version)
                .findFirst()
                .orElseThrow(() -> new CloudistException(
                        "The plugin's dependencies lack " + CORE + "; reinstall cloudist-maven-plugin."));
        Set<String> present = pluginArtifacts.stream().map(ArtifactFile::key).collect(Collectors.toSet());
        try {
            return new CloudExtension(resolver.resolve(List.of(AWS + ":" + version)).stream()
                    .filter(a -> !present.contains(a.key()))
                    .toList());
        } catch (CloudistException e) {
            throw new CloudistException(
                    e.getMessage() + ". cloudist needs it for "
                            + CloudistParameters.BACKEND.option() + "=ec2 and for s3://"
                            + " stores, and resolves it from the plugin repositories: check that Maven can reach them (or"
                            + " that it is in the local repository when Maven runs offline).",
                    e);
        }
    }

    /** The files to append to the worker classpath. */
    List<Path> files() {
        return artifacts.stream().map(ArtifactFile::file).toList();
    }

    /**
     * Runs {@code action} with these artifacts loaded below the plugin's own classes, as the thread's context class
     * loader; without artifacts, runs it as it is.
     */
    <T> T call(Supplier<T> action) {
        if (artifacts.isEmpty()) {
            return action.get();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        URLClassLoader loader = new URLClassLoader(urls(), CloudExtension.class.getClassLoader());
        try {
            thread.setContextClassLoader(loader);
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
            try {
                loader.close();
            } catch (IOException e) {
                // the jars stay open until Maven exits: nothing the user can act on
            }
        }
    }

    private URL[] urls() {
        return files().stream()
                .map(path -> {
                    try {
                        return path.toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new CloudistException("Cannot load " + path + ": " + e.getMessage(), e);
                    }
                })
                .toArray(URL[]::new);
    }
}
