package io.cloudist.aws.s3;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Counts the HTTP requests an S3 client transmits (each retry attempt is a request S3 bills) and the payload bytes
 * in both directions, from the {@code Content-Length} headers. Thread-safe.
 */
final class RequestCounter implements ExecutionInterceptor {
    private final LongAdder gets = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder heads = new LongAdder();
    private final LongAdder lists = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        counter(request).increment();
        // Signed streaming bodies carry chunk signatures; the decoded length is the payload.
        Optional<String> length = request.firstMatchingHeader("x-amz-decoded-content-length")
                .or(() -> request.firstMatchingHeader("Content-Length"));
        bytesSent.add(length.map(RequestCounter::parse).orElse(0L));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.httpRequest().method() != SdkHttpMethod.HEAD) {
            bytesReceived.add(context.httpResponse()
                    .firstMatchingHeader("Content-Length")
                    .map(RequestCounter::parse)
                    .orElse(0L));
        }
    }

    RequestStats snapshot() {
        return new RequestStats(
                gets.sum(), puts.sum(), heads.sum(), lists.sum(), deletes.sum(), bytesSent.sum(), bytesReceived.sum());
    }

    private LongAdder counter(SdkHttpRequest request) {
        return switch (request.method()) {
            case GET ->
                request.rawQueryParameters()
                                .getOrDefault("list-type", List.of())
                                .isEmpty()
                        ? gets
                        : lists;
            case HEAD -> heads;
            case DELETE -> deletes;
            default -> puts;
        };
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
