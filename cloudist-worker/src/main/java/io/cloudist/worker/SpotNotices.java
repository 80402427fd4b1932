package io.cloudist.worker;

import io.cloudist.core.concurrent.DaemonThreads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the instance metadata service (IMDSv2: a session token, then {@code spot/instance-action}) for the notice
 * that EC2 is about to reclaim this spot instance, about two minutes ahead, and says so once. A 404 means no notice;
 * an unreachable service is retried quietly, since a worker must not stop for want of metadata.
 */
final class SpotNotices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpotNotices.class);
    /** How often the notice is checked: EC2 gives two minutes, and the coordinator reads heartbeats every few seconds. */
    static final Duration PERIOD = Duration.ofSeconds(5);

    private static final Duration TOKEN_TTL = Duration.ofHours(6);

    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer;
    private final Consumer<String> onNotice;
    private String token;
    private long tokenExpiresAt;
    private boolean noticed;

    /**
     * @param endpoint the metadata service, e.g. {@code http://169.254.169.254}
     * @param period how often to check
     * @param onNotice called once, on the watcher's thread, with a description of the notice
     */
    SpotNotices(String endpoint, Duration period, Consumer<String> onNotice) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        this.onNotice = onNotice;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cloudist-spot-notices"));
        timer.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (noticed) {
            return;
        }
        try {
            Optional<String> action = instanceAction();
            if (action.isPresent()) {
                noticed = true;
                String notice = "spot interruption notice: " + action.get();
                LOG.warn("EC2 is reclaiming this instance ({}); taking no more work", action.get());
                onNotice.accept(notice);
            }
        } catch (IOException e) {
            LOG.debug("Metadata service not reachable: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The body of {@code spot/instance-action} (e.g. {@code {"action":"terminate","time":"..."}}), or empty. */
    private Optional<String> instanceAction() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint.resolve("latest/meta-data/spot/instance-action"))
                        .header("X-aws-ec2-metadata-token", token())
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            tokenExpiresAt = 0;
        }
        return response.statusCode() == 200 ? Optional.of(response.body().trim()) : Optional.empty();
    }

    private String token() throws IOException, InterruptedException {
        long now = System.currentTimeMillis();
        if (token == null || now >= tokenExpiresAt) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("latest/api/token"))
                            .header("X-aws-ec2-metadata-token-ttl-seconds", Long.toString(TOKEN_TTL.toSeconds()))
                            .timeout(Duration.ofSeconds(2))
                            .PUT(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("token request answered " + response.statusCode());
            }
            token = response.body().trim();
            tokenExpiresAt = now + TOKEN_TTL.toMillis() / 2;
        }
        return token;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
