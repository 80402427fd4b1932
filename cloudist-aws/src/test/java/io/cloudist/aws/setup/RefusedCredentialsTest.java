package io.cloudist.aws.setup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.WorkerNetwork;
import io.cloudist.core.CloudistException;
import io.cloudist.core.cloud.CloudSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials that AWS refuses, against a moto server that checks access keys ({@code INITIAL_NO_AUTH_ACTION_COUNT=0}):
 * STS answers 403 InvalidClientTokenId and EC2 AuthFailure, as AWS does for a key it does not know.
 */
class RefusedCredentialsTest {
    private static MotoExtension.Server moto;
    private static final Map<String, String> SAVED = new LinkedHashMap<>();

    @TempDir
    static Path temp;

    @BeforeAll
    static void startMotoThatChecksKeys() throws Exception {
        moto = MotoExtension.Server.start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", "0"));
        Path credentials = Files.writeString(
                temp.resolve("credentials"),
                "[ci]\naws_access_key_id = AKIAUNKNOWNKEY000001\naws_secret_access_key = whatever\n");
        set("aws.endpointUrl", moto.endpoint().toString());
        set("aws.sharedCredentialsFile", credentials.toString());
        set("aws.configFile", Files.writeString(temp.resolve("config"), "").toString());
    }

    @AfterAll
    static void stopMoto() {
        SAVED.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void stsRefusingTheKeysOfAProfileNamesTheProfileAndTheFix() {
        try (AwsClients clients = new AwsClients(settings("ci"))) {
            assertThatThrownBy(() -> AwsCloudAdmin.defaultStore(clients, MotoExtension.REGION))
                    .isExactlyInstanceOf(CloudistException.class)
                    // moto words its STS errors as EC2 does, so the SDK finds no code in them: only the status.
                    .hasMessageStartingWith("The AWS credentials of profile 'ci' are not valid (HTTP 403)"
                            + " during sts:GetCallerIdentity: check its access key and secret (aws configure --profile"
                            + " ci)")
                    .hasMessageContaining("<profile> (-Dcloudist.profile)");
        }
    }

    @Test
    void ec2RefusingTheKeysIsACredentialsErrorToo() {
        try (AwsClients clients = new AwsClients(settings("ci"))) {
            assertThatThrownBy(() -> WorkerNetwork.defaultVpc(clients.ec2(), MotoExtension.REGION))
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessageStartingWith("The AWS credentials in use are not valid (AuthFailure) during ec2:");
        }
    }

    private static CloudSettings settings(String profile) {
        return new CloudSettings("ec2", MotoExtension.REGION, profile, 2, 2, List.of(), 0, false, "", 10, 12, 17);
    }

    private static void set(String key, String value) {
        SAVED.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}
