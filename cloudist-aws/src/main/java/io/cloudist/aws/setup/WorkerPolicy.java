package io.cloudist.aws.setup;

import io.cloudist.core.CloudistException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The IAM documents of the worker role, kept as resources ({@code worker-policy.json},
 * {@code worker-trust-policy.json} next to this class) so that the documentation quotes the same text that setup
 * applies. Workers may read, write and delete objects under the store's prefix, and list that prefix: nothing else.
 */
public final class WorkerPolicy {
    private WorkerPolicy() {}

    /** The inline policy of the worker role for {@code store}. */
    public static String forStore(S3Location store) {
        return resource("worker-policy.json")
                .replace("${bucket}", store.bucket())
                .replace("${keyPrefix}", store.keyPrefix());
    }

    /** The trust policy that lets EC2 instances assume the worker role. */
    public static String trust() {
        return resource("worker-trust-policy.json");
    }

    private static String resource(String name) {
        try (InputStream in = WorkerPolicy.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new CloudistException("Missing resource " + name + " in cloudist-aws");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CloudistException("Cannot read resource " + name + " of cloudist-aws: " + e.getMessage(), e);
        }
    }
}
