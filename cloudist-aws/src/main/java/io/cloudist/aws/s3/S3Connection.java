package io.cloudist.aws.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An S3 client configured for the Store's traffic, and what it was built from.
 *
 * <p>Retries: the SDK's standard strategy with {@value #ATTEMPTS} attempts, exponential backoff with full jitter
 * (from 100 ms, up to 2 s; from 500 ms up to 5 s for throttling), and no retry quota (a long run must not stop
 * retrying after a burst of errors). It retries throttling (503 SlowDown, 429, 400 RequestTimeout), other 5xx
 * responses, attempt timeouts, and I/O errors such as refused or dropped connections. 4xx errors other than
 * throttling are not retried. These retries are quick on purpose: what they cannot mend becomes a
 * {@link io.cloudist.core.store.StoreUnavailableException}, and the run's
 * {@link io.cloudist.core.store.ResilientStore} rides out longer outages, for as long as
 * {@code cloudist.storeOutageSeconds} allows.
 *
 * <p>Every request names the account that must own the bucket ({@link BucketOwner}).
 *
 * <p>Endpoint: the SDK's standard settings ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}, the system
 * properties {@code aws.endpointUrlS3} and {@code aws.endpointUrl}, {@code endpoint_url} in the profile). When one
 * is in effect the client uses path-style requests, which S3-compatible servers need.
 */
record S3Connection(
        S3Client client,
        SdkHttpClient http,
        AwsCredentialsProvider credentials,
        Region region,
        String profile,
        Optional<URI> endpointOverride,
        RequestCounter counter,
        BucketOwner owner)
        implements AutoCloseable {
    static final int ATTEMPTS = 5;

    /**
     * @param location the store, for messages
     * @param region a region name, or "" for the SDK's default chain
     * @param profile a profile name, or "" for the SDK's default credentials chain
     * @throws io.cloudist.core.ConfigurationException when no region is given or configured
     */
    static S3Connection open(String location, String region, String profile) {
        boolean named = profile != null && !profile.isBlank();
        Region resolved = region(region, named ? profile : null);
        AwsCredentialsProvider credentials = named
                ? ProfileCredentialsProvider.builder().profileName(profile).build()
                : DefaultCredentialsProvider.builder().build();
        SdkHttpClient http = ApacheHttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .tcpKeepAlive(true)
                .build();
        RequestCounter counter = new RequestCounter();
        BucketOwner owner = BucketOwner.of(location, credentials, resolved, named ? profile : "", http);
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(ATTEMPTS)
                        .circuitBreakerEnabled(false)
                        .backoffStrategy(
                                BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                        .throttlingBackoffStrategy(
                                BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(5)))
                        .build())
                .addExecutionInterceptor(counter)
                .addExecutionInterceptor(owner);
        if (named) {
            override.defaultProfileName(profile);
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(resolved)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(override.build());
        // The endpoint comes from the SDK's own settings; build once to learn whether one is overridden.
        Optional<URI> endpoint;
        try (S3Client probe = builder.build()) {
            endpoint = probe.serviceClientConfiguration().endpointOverride();
        }
        S3Client client = builder.forcePathStyle(endpoint.isPresent()).build();
        return new S3Connection(client, http, credentials, resolved, named ? profile : "", endpoint, counter, owner);
    }

    private static Region region(String region, String profile) {
        if (region != null && !region.isBlank()) {
            return Region.of(region.trim());
        }
        DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
        if (profile != null) {
            chain.profileName(profile);
        }
        try {
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            throw S3Errors.noRegion();
        }
    }

    @Override
    public void close() {
        IoUtils.closeQuietly(client, null);
        IoUtils.closeQuietly(http, null);
        if (credentials instanceof SdkAutoCloseable closeable) {
            IoUtils.closeQuietly(closeable, null);
        }
    }
}
