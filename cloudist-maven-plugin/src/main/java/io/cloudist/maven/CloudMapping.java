package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.AMI;
import static io.cloudist.core.CloudistParameters.BACKEND;
import static io.cloudist.core.CloudistParameters.BASE_IMAGE;
import static io.cloudist.core.CloudistParameters.CPU_PER_WORKER;
import static io.cloudist.core.CloudistParameters.DELETE_IMAGES;
import static io.cloudist.core.CloudistParameters.IDLE_MINUTES;
import static io.cloudist.core.CloudistParameters.IMAGE;
import static io.cloudist.core.CloudistParameters.IMAGE_RETENTION_DAYS;
import static io.cloudist.core.CloudistParameters.INSTANCE_TYPES;
import static io.cloudist.core.CloudistParameters.MAX_INSTANCE_HOURS;
import static io.cloudist.core.CloudistParameters.MAX_PRICE_PER_HOUR;
import static io.cloudist.core.CloudistParameters.MEMORY_PER_WORKER;
import static io.cloudist.core.CloudistParameters.ON_DEMAND_FALLBACK;
import static io.cloudist.core.CloudistParameters.PROFILE;
import static io.cloudist.core.CloudistParameters.REGION;
import static io.cloudist.core.CloudistParameters.STORE;
import static io.cloudist.core.CloudistProperties.DEFAULT_BACKEND;
import static io.cloudist.core.CloudistProperties.DEFAULT_CPU_PER_WORKER;
import static io.cloudist.core.CloudistProperties.DEFAULT_IDLE_MINUTES;
import static io.cloudist.core.CloudistProperties.DEFAULT_IMAGE;
import static io.cloudist.core.CloudistProperties.DEFAULT_IMAGE_RETENTION_DAYS;
import static io.cloudist.core.CloudistProperties.DEFAULT_MAX_INSTANCE_HOURS;
import static io.cloudist.core.CloudistProperties.DEFAULT_MEMORY_PER_WORKER;
import static io.cloudist.core.CloudistProperties.DEFAULT_ON_DEMAND_FALLBACK;

import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.cloud.ImageSettings;
import io.cloudist.core.store.StoreLocations;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/** Maps the parameters that say where workers run to {@link CloudSettings}. No Maven types. */
final class CloudMapping {
    static final String EC2 = "ec2";
    static final List<String> BACKENDS = List.of(DEFAULT_BACKEND, EC2);
    /** A week: a bound on an instance's life that lets it live longer bounds nothing a user would notice. */
    static final int MOST_INSTANCE_HOURS = 168;

    private CloudMapping() {}

    /**
     * The backend parameter, lower-cased.
     *
     * @throws ConfigurationException for a backend cloudist does not know
     */
    static String backend(ParameterSources sources, String defaultBackend) {
        String value = sources.value(BACKEND).map(String::trim).orElse("");
        String backend = value.isEmpty() ? defaultBackend : value.toLowerCase(Locale.ROOT);
        if (!BACKENDS.contains(backend)) {
            throw new ConfigurationException(BACKEND, value, "use " + String.join(" or ", BACKENDS));
        }
        return backend;
    }

    /**
     * The cloud settings. For the local backend the cloud parameters are ignored.
     *
     * @param javaFeatureVersion the Java feature version the test JVMs need; asked only for a cloud backend
     * @throws ConfigurationException when a parameter has an unusable value
     */
    static CloudSettings settings(ParameterSources sources, String defaultBackend, IntSupplier javaFeatureVersion) {
        String backend = backend(sources, defaultBackend);
        if (backend.equals(DEFAULT_BACKEND)) {
            return CloudSettings.local();
        }
        return new CloudSettings(
                backend,
                region(sources),
                sources.string(PROFILE).trim(),
                sources.wholeNumber(CPU_PER_WORKER, 1),
                sources.decimal(MEMORY_PER_WORKER, true),
                instanceTypes(sources),
                sources.decimal(MAX_PRICE_PER_HOUR, false),
                sources.flag(ON_DEMAND_FALLBACK),
                ami(sources),
                sources.wholeNumber(IDLE_MINUTES, 0),
                maxInstanceHours(sources),
                javaFeatureVersion.getAsInt(),
                new ImageSettings(
                        sources.flag(IMAGE),
                        sources.string(BASE_IMAGE).trim(),
                        Integer.parseInt(DEFAULT_IMAGE_RETENTION_DAYS),
                        false));
    }

    /**
     * The settings of setup and cleanup: backend, region and profile, the image repository's retention and whether
     * cleanup deletes it; the run parameters at their defaults.
     *
     * @param backend a cloud backend, already checked with {@link #backend}
     */
    static CloudSettings account(ParameterSources sources, String backend) {
        ImageSettings image = new ImageSettings(
                Boolean.parseBoolean(DEFAULT_IMAGE),
                "",
                sources.wholeNumber(IMAGE_RETENTION_DAYS, 1),
                sources.flag(DELETE_IMAGES));
        return new CloudSettings(
                backend,
                region(sources),
                sources.string(PROFILE).trim(),
                Integer.parseInt(DEFAULT_CPU_PER_WORKER),
                Double.parseDouble(DEFAULT_MEMORY_PER_WORKER),
                List.of(),
                0,
                Boolean.parseBoolean(DEFAULT_ON_DEMAND_FALLBACK),
                "",
                Integer.parseInt(DEFAULT_IDLE_MINUTES),
                Integer.parseInt(DEFAULT_MAX_INSTANCE_HOURS),
                Runtime.version().feature(),
                image);
    }

    /**
     * The region: empty for the AWS default, else a region code. Its form, like that of the instance types and the
     * AMI, is the cloud backend's vocabulary: the backend checks it when it opens, before it asks anything of AWS.
     */
    private static String region(ParameterSources sources) {
        return sources.string(REGION).trim();
    }

    private static List<String> instanceTypes(ParameterSources sources) {
        return commaSeparated(sources.string(INSTANCE_TYPES));
    }

    /** Whole hours from 1 to {@link #MOST_INSTANCE_HOURS}. */
    private static int maxInstanceHours(ParameterSources sources) {
        int hours = sources.wholeNumber(MAX_INSTANCE_HOURS, 1);
        if (hours > MOST_INSTANCE_HOURS) {
            throw new ConfigurationException(
                    MAX_INSTANCE_HOURS,
                    String.valueOf(hours),
                    "set it to a whole number of"
                            + " hours from 1 to " + MOST_INSTANCE_HOURS + ", above your longest run: it bounds what an"
                            + " instance whose agents hang can cost");
        }
        return hours;
    }

    private static String ami(ParameterSources sources) {
        return sources.string(AMI).trim();
    }

    /**
     * The store of a cloud backend: "" for the backend's default (the bucket that setup made), else a URI.
     *
     * @throws ConfigurationException for a directory, which workers on another machine could not read
     */
    static String cloudStore(ParameterSources sources, String backend) {
        String store = StoreLocations.check(sources.string(STORE).trim());
        if (!store.isEmpty() && !store.contains("://")) {
            throw new ConfigurationException(
                    STORE,
                    store,
                    "workers on " + backend
                            + " cannot read a local directory: use s3://bucket/prefix, or leave it unset for the bucket"
                            + " that cloudist:setup made");
        }
        return store;
    }

    static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }
}
