package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.AMI;
import static io.cloudist.core.CloudistParameters.BACKEND;
import static io.cloudist.core.CloudistParameters.CPU_PER_WORKER;
import static io.cloudist.core.CloudistParameters.IDLE_MINUTES;
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
import static io.cloudist.core.CloudistProperties.DEFAULT_MAX_INSTANCE_HOURS;
import static io.cloudist.core.CloudistProperties.DEFAULT_MEMORY_PER_WORKER;
import static io.cloudist.core.CloudistProperties.DEFAULT_ON_DEMAND_FALLBACK;

import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.store.StoreLocations;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/** Maps the parameters that say where workers run to {@link CloudSettings}. No Maven types. */
final class CloudMapping {
    static final String EC2 = "ec2";
    static final List<String> BACKENDS = List.of(DEFAULT_BACKEND, EC2);
    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5: letters, a dash, a number at the end. */
    private static final Pattern REGION_CODE = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");
    /** m7i.large, c7gn.16xlarge, u-6tb1.metal, mac2-m2pro.metal. */
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    private static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]+");
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
                javaFeatureVersion.getAsInt());
    }

    /**
     * The settings of setup and cleanup: backend, region and profile; the run parameters at their defaults.
     *
     * @param backend a cloud backend, already checked with {@link #backend}
     */
    static CloudSettings account(ParameterSources sources, String backend) {
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
                Runtime.version().feature());
    }

    /**
     * The region: empty for the AWS default, else a region code. Whether the region exists is checked when the
     * backend opens its clients; here only the form, so that a typo fails before anything else runs.
     */
    private static String region(ParameterSources sources) {
        String region = sources.string(REGION).trim();
        if (!region.isEmpty() && !REGION_CODE.matcher(region).matches()) {
            throw new ConfigurationException(REGION, region, "use an AWS region code such as eu-west-1 or us-east-1,"
                    + " or leave it empty for the AWS default");
        }
        return region;
    }

    private static List<String> instanceTypes(ParameterSources sources) {
        List<String> types = commaSeparated(sources.string(INSTANCE_TYPES));
        for (String type : types) {
            if (!INSTANCE_TYPE.matcher(type).matches()) {
                throw new ConfigurationException(INSTANCE_TYPES, type, "name EC2 instance types as family.size,"
                        + " comma-separated, e.g. m7i.large,c7i.xlarge, or leave it empty for any type");
            }
        }
        return types;
    }

    /** Whole hours from 1 to {@link #MOST_INSTANCE_HOURS}. */
    private static int maxInstanceHours(ParameterSources sources) {
        int hours = sources.wholeNumber(MAX_INSTANCE_HOURS, 1);
        if (hours > MOST_INSTANCE_HOURS) {
            throw new ConfigurationException(MAX_INSTANCE_HOURS, String.valueOf(hours), "set it to a whole number of"
                    + " hours from 1 to " + MOST_INSTANCE_HOURS + ", above your longest run: it bounds what an"
                    + " instance whose agents hang can cost");
        }
        return hours;
    }

    private static String ami(ParameterSources sources) {
        String ami = sources.string(AMI).trim();
        if (!ami.isEmpty() && !AMI_ID.matcher(ami).matches()) {
            throw new ConfigurationException(AMI, ami, "name an image id such as ami-0123456789abcdef0, or leave it"
                    + " empty for the current Amazon Linux 2023");
        }
        return ami;
    }

    /**
     * The store of a cloud backend: "" for the backend's default (the bucket that setup made), else a URI.
     *
     * @throws ConfigurationException for a directory, which workers on another machine could not read
     */
    static String cloudStore(ParameterSources sources, String backend) {
        String store = StoreLocations.check(sources.string(STORE).trim());
        if (!store.isEmpty() && !store.contains("://")) {
            throw new ConfigurationException(STORE, store, "workers on " + backend
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
