package io.cloudist.aws.client;

import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients of one region and profile, made on first use and closed together. An empty region or profile
 * leaves the SDK's default chains in charge; endpoints follow the SDK's own {@code AWS_ENDPOINT_URL*} variables and
 * {@code aws.endpointUrl*} properties. IAM is global and uses its partition's global region.
 */
public final class AwsClients implements AutoCloseable {
    private final CloudSettings settings;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private Ec2Client ec2;
    private IamClient iam;
    private StsClient sts;
    private SsmClient ssm;
    private S3Client s3;
    private EcrClient ecr;

    /**
     * @throws ConfigurationException when the region is not an AWS region
     */
    public AwsClients(CloudSettings settings) {
        if (!settings.region().isEmpty() && !Region.regions().contains(Region.of(settings.region()))) {
            throw new ConfigurationException(
                    AwsNames.REGION_PROPERTY,
                    settings.region(),
                    "use an AWS region code such as eu-west-1 or us-east-1, or leave it empty for the AWS default");
        }
        this.settings = settings;
    }

    public synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = open(() -> configure(Ec2Client.builder(), true).build());
        }
        return ec2;
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            iam = open(() ->
                    configure(IamClient.builder(), false).region(iamRegion()).build());
        }
        return iam;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = open(() -> configure(StsClient.builder(), true).build());
        }
        return sts;
    }

    public synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = open(() -> configure(SsmClient.builder(), true).build());
        }
        return ssm;
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = open(() -> configure(EcrClient.builder(), true).build());
        }
        return ecr;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            boolean pathStyle = !EndpointOverrides.s3().isEmpty();
            s3 = open(() -> configure(S3Client.builder(), true)
                    .forcePathStyle(pathStyle)
                    .build());
        }
        return s3;
    }

    /** The profile the clients take credentials from, "" for the AWS default chain. */
    public String profile() {
        return settings.profile();
    }

    /** The region the clients talk to: the configured one, or the one the SDK's default chain found. */
    public String region() {
        return settings.region().isEmpty()
                ? ec2().serviceClientConfiguration().region().id()
                : settings.region();
    }

    /** The account of the credentials: the one that owns (or will own) the store's bucket. */
    public String account() {
        return AwsErrors.call("sts:GetCallerIdentity", profile(), () -> sts().getCallerIdentity())
                .account();
    }

    /** IAM is global per partition. */
    private Region iamRegion() {
        String region = settings.region();
        if (region.startsWith("cn-")) {
            return Region.AWS_CN_GLOBAL;
        }
        return region.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, boolean regional) {
        if (regional && !settings.region().isEmpty()) {
            builder.region(Region.of(settings.region()));
        }
        if (!settings.profile().isEmpty()) {
            builder.credentialsProvider(ProfileCredentialsProvider.create(settings.profile()));
            builder.overrideConfiguration(o -> o.defaultProfileName(settings.profile()));
        }
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(ApacheHttpClient.builder());
        }
        return builder;
    }

    private <T extends AutoCloseable> T open(Supplier<T> factory) {
        try {
            T client = factory.get();
            opened.add(client);
            return client;
        } catch (SdkException e) {
            throw AwsErrors.translate("creating an AWS client", e);
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : opened) {
            try {
                client.close();
            } catch (Exception e) {
                // closing an HTTP pool: nothing to tell the user
            }
        }
        opened.clear();
    }
}
