package io.cloudist.aws.ec2;

import io.cloudist.aws.client.S3Location;
import io.cloudist.aws.image.ImageLayout;
import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.provision.WorkerBundle;
import io.cloudist.core.store.StoreKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The boot script of worker instances (resource {@code worker-boot.sh}). With a worker image ({@code image-setup.sh})
 * it signs in to the registry with the instance profile, pulls the image by digest and runs each agent in a
 * container of it, and only when that fails does what it does without one. It holds no credential: it installs a JDK
 * when the image has no java of {@code javaFeatureVersion} or newer, fetches the worker jars (named by their hashes)
 * from the store with one AWS CLI process (credentials come from the instance profile), checks each jar's SHA-256
 * against its name and powers off, naming the jar's key, when one does not match, starts one pool-mode agent
 * per slot with worker id {@code <instance-id>-<slot>}, and powers off once every agent has exited. A background loop powers off too when no
 * agent runs after boot, should the script itself be stuck, when an agent is past the deadline it keeps (it hangs),
 * and when the instance has lived {@code maxLifetimeSeconds}.
 *
 * <p>All instances of one launch share the script; each runs {@code min(slots, workers - launchIndex * slots)}
 * agents, its launch index read from the instance metadata, so that the launch starts exactly {@code workers}; an
 * instance that cannot read its launch index starts one agent, so that a launch never starts more than asked.
 *
 * @param store where the worker jars are and where agents wait for runs
 * @param workerJars the agent's classpath, in order
 * @param region the region, exported for the AWS CLI and SDK
 * @param s3Endpoint an S3 endpoint that replaces AWS's, "" for none
 * @param account the account that owns the store's bucket, exported as {@code AWS_ACCOUNT_ID} so that the agents
 *     name it as the expected bucket owner as the coordinator does (not a secret); "" for none
 * @param javaFeatureVersion the Java feature version the agents and test JVMs need
 * @param slots agents per instance at most
 * @param workers agents of the whole launch
 * @param idleMinutes how long an agent waits for a run before it exits
 * @param storeOutageSeconds how long an agent rides out an outage of the store before it leaves a run
 * @param maxLifetimeSeconds how long the instance lives at most, whatever its agents do; its agents take no new run
 *     in its last hour
 * @param image the worker image to pull and run the agents in, pinned by digest ({@code <registry>/<repo>@sha256:..});
 *     "" for none. When the instance cannot pull it, it installs Java and fetches the jars as without one
 * @param ecrEndpoint an ECR API endpoint that replaces AWS's, for the registry sign-in; "" for none
 */
public record UserData(
        S3Location store,
        List<BlobRef> workerJars,
        String region,
        String s3Endpoint,
        String account,
        int javaFeatureVersion,
        int slots,
        int workers,
        int idleMinutes,
        int storeOutageSeconds,
        long maxLifetimeSeconds,
        String image,
        String ecrEndpoint) {
    /** EC2's limit on user data, before base64. */
    public static final int MAX_BYTES = 16 * 1024;

    /** Seconds boot may take (installing Java, fetching jars) before the backstop watches for agents. */
    static final int BOOT_SECONDS = 20 * 60;

    public UserData {
        Objects.requireNonNull(store, "store");
        workerJars = List.copyOf(workerJars);
        region = Objects.requireNonNullElse(region, "");
        s3Endpoint = Objects.requireNonNullElse(s3Endpoint, "");
        account = Objects.requireNonNullElse(account, "");
        image = Objects.requireNonNullElse(image, "");
        ecrEndpoint = Objects.requireNonNullElse(ecrEndpoint, "");
        if (!image.isEmpty() && !image.matches("[A-Za-z0-9.:_/-]+@sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("The worker image must be pinned by digest: " + image);
        }
        if (workerJars.isEmpty()
                || slots < 1
                || workers < 1
                || idleMinutes < 0
                || storeOutageSeconds < 0
                || maxLifetimeSeconds < 1) {
            throw new IllegalArgumentException("Boot needs jars, slots and workers: " + workerJars.size() + " jars, "
                    + slots + " slots, " + workers + " workers, " + idleMinutes + " idle minutes, "
                    + storeOutageSeconds + " s of store outage, " + maxLifetimeSeconds + " s of life");
        }
    }

    /** Boot without an image: Java installed when missing, the worker jars fetched from the store. */
    public UserData(
            S3Location store,
            List<BlobRef> workerJars,
            String region,
            String s3Endpoint,
            String account,
            int javaFeatureVersion,
            int slots,
            int workers,
            int idleMinutes,
            int storeOutageSeconds,
            long maxLifetimeSeconds) {
        this(
                store,
                workerJars,
                region,
                s3Endpoint,
                account,
                javaFeatureVersion,
                slots,
                workers,
                idleMinutes,
                storeOutageSeconds,
                maxLifetimeSeconds,
                "",
                "");
    }

    /** These boot settings with the worker image {@code image} (pinned by digest). */
    public UserData withImage(String image, String ecrEndpoint) {
        return new UserData(
                store,
                workerJars,
                region,
                s3Endpoint,
                account,
                javaFeatureVersion,
                slots,
                workers,
                idleMinutes,
                storeOutageSeconds,
                maxLifetimeSeconds,
                image,
                ecrEndpoint);
    }

    /** The script's text. */
    public String script() {
        return script(true);
    }

    /**
     * The script's text; without {@code fallback}, an instance that cannot pull the image powers off instead of
     * fetching the worker jars, whose list the script then leaves out.
     */
    String script(boolean fallback) {
        List<String> hashes = new ArrayList<>();
        for (BlobRef jar : fallback ? workerJars : List.<BlobRef>of()) {
            if (!HEX_SHA256.matcher(jar.sha256()).matches()) {
                throw new IllegalArgumentException("Not a SHA-256: " + jar.sha256());
            }
            hashes.add(jar.sha256()); // hex: a shell word as it is, and the fewest bytes of the 16 KiB
        }
        return withoutComments(resource("worker-boot.sh"))
                .replace(
                        "@IMAGE_SETUP@",
                        image.isEmpty()
                                ? ""
                                : withoutComments(resource("image-setup.sh")).strip()
                                        + (fallback
                                                ? ""
                                                : "\n[ \"$IMAGE_READY\" = yes ] || power_off \"cannot pull the worker"
                                                        + " image, and the boot script has no room for the list of"
                                                        + " the worker jars to boot without it\""))
                .replace(
                        "@JAVA_SETUP@",
                        withoutComments(javaSetup(javaFeatureVersion)).strip())
                .replace("@IMAGE@", quote(image))
                .replace("@IMAGE_CACHE@", quote(ImageLayout.CACHE))
                .replace(
                        "@ECR_ENDPOINT_OPTION@",
                        ecrEndpoint.isEmpty() ? "" : "--endpoint-url " + quote(ecrEndpoint) + " ")
                .replace(
                        "@ENDPOINT_EXPORT@",
                        s3Endpoint.isEmpty() ? "" : "export AWS_ENDPOINT_URL_S3=" + quote(s3Endpoint))
                .replace("@ACCOUNT_EXPORT@", account.isEmpty() ? "" : "export AWS_ACCOUNT_ID=" + quote(account))
                .replace("@ENDPOINT_OPTION@", s3Endpoint.isEmpty() ? "" : "--endpoint-url " + quote(s3Endpoint) + " ")
                .replace("@BLOBS@", quote(store.uri(StoreKeys.blob(""))))
                .replace("@HASHES@", String.join(" ", hashes))
                .replace("@REGION@", quote(region))
                .replace("@STORE@", quote(store.toString()))
                .replace("@BOOT_SECONDS@", String.valueOf(BOOT_SECONDS))
                .replace("@WORKERS@", String.valueOf(workers))
                .replace("@SLOTS@", String.valueOf(slots))
                .replace("@IDLE_MINUTES@", String.valueOf(idleMinutes))
                .replace("@BUNDLE@", quote(WorkerBundle.id(workerJars)))
                .replace("@STORE_OUTAGE_SECONDS@", String.valueOf(storeOutageSeconds))
                .replace("@MAX_LIFETIME_SECONDS@", String.valueOf(maxLifetimeSeconds));
    }

    /**
     * The script as RunInstances takes it. With an image and more worker jars than fit in EC2's limit, the script
     * leaves the jars' list out, and an instance that cannot pull the image powers off.
     *
     * @throws CloudistException when the script exceeds EC2's 16 KiB
     */
    public String base64() {
        byte[] bytes = script().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES && !image.isEmpty()) {
            bytes = script(false).getBytes(StandardCharsets.UTF_8); // the image holds the jars: no fallback, then
        }
        if (bytes.length > MAX_BYTES) {
            throw new CloudistException("The worker boot script is " + bytes.length + " bytes, over EC2's "
                    + MAX_BYTES + "-byte limit on user data: the worker bundle has too many jars ("
                    + workerJars.size() + ")");
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The part that sets {@code $JAVA}: the image's java when its feature version is {@code feature} or newer, else
     * Amazon Corretto's JDK installed with dnf. Calls {@code power_off} when the install fails.
     */
    static String javaSetup(int feature) {
        return resource("java-setup.sh").replace("@FEATURE@", String.valueOf(feature));
    }

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{1,64}");
    private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^[ \\t]*#(?!!).*\\n");

    /**
     * The script without its comment lines (the first line's {@code #!} stays): they are for whoever reads the
     * resource, and each byte of EC2's 16 KiB is worth a worker jar's hash.
     */
    static String withoutComments(String script) {
        return COMMENT_LINE.matcher(script).replaceAll("");
    }

    /** {@code value} as one single-quoted shell word. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String resource(String name) {
        try (InputStream in = UserData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new CloudistException("Missing resource " + name + " in cloudist-aws");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CloudistException("Cannot read resource " + name + " of cloudist-aws: " + e.getMessage(), e);
        }
    }
}
