package io.cloudist.aws.s3;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Sends S3 requests so that every failure is an SDK exception. A connection lost while the SDK parses S3's answer
 * can leave the SDK as an {@link UncheckedIOException}, outside its exceptions and its retries; it becomes an
 * {@link SdkClientException}, reported (and ridden out) like any other lost connection.
 */
final class S3Calls {
    private S3Calls() {}

    static <T> T send(Supplier<T> request) {
        try {
            return request.get();
        } catch (UncheckedIOException e) {
            throw SdkClientException.create("Connection lost while reading S3's answer: " + e.getCause(), e);
        }
    }
}
