package io.cloudist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class FakeImdsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesMetadataOnlyWithASessionToken() throws Exception {
        try (FakeImds imds = new FakeImds()) {
            assertThat(get(imds.endpoint() + "/latest/meta-data/spot/instance-action", null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(imds.tokenlessRequests()).isEqualTo(1);

            String token = token(imds.endpoint());
            assertThat(get(imds.endpoint() + "/latest/meta-data/spot/instance-action", token)
                            .statusCode())
                    .isEqualTo(404);
            imds.interrupt();
            assertThat(get(imds.endpoint() + "/latest/meta-data/spot/instance-action", token)
                            .body())
                    .isEqualTo(FakeImds.SPOT_ACTION);
        }
    }

    @Test
    void eachInstanceSeesItsOwnIdAndInterruption() throws Exception {
        try (FakeImds imds = new FakeImds()) {
            String a = imds.endpointFor("i-a");
            String b = imds.endpointFor("i-b");
            imds.interrupt("i-b");

            assertThat(get(a + "/latest/meta-data/instance-id", token(a)).body())
                    .isEqualTo("i-a");
            assertThat(get(a + "/latest/meta-data/spot/instance-action", token(a))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(b + "/latest/meta-data/spot/instance-action", token(b))
                            .body())
                    .isEqualTo(FakeImds.SPOT_ACTION);
            assertThat(imds.tokenlessRequests()).isZero();
        }
    }

    @Test
    void aTokenRequestWithoutItsTtlIsRefused() throws Exception {
        try (FakeImds imds = new FakeImds()) {
            HttpRequest put = HttpRequest.newBuilder(URI.create(imds.endpoint() + "/latest/api/token"))
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .build();
            assertThat(http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
        }
    }

    private String token(String endpoint) throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(endpoint + "/latest/api/token"))
                .header("X-aws-ec2-metadata-token-ttl-seconds", "60")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(put, HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("X-aws-ec2-metadata-token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
