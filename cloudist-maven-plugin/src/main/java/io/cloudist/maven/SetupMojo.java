package io.cloudist.maven;

import static io.cloudist.core.CloudistProperties.DEFAULT_FIX;
import static io.cloudist.core.CloudistProperties.DEFAULT_IMAGE_RETENTION_DAYS;
import static io.cloudist.core.CloudistProperties.FIX;
import static io.cloudist.core.CloudistProperties.IMAGE_RETENTION_DAYS;

import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.RunListener;
import io.cloudist.core.run.Cloudist;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates what cloud runs need in an account and region (bucket, IAM role and instance profile, security group, the
 * ECR repository of worker images),
 * or finds it there, and says which. Safe to run again. Needs no project: {@code mvn cloudist:setup
 * -Dcloudist.region=eu-west-1}. On a bucket it did not create it warns of what it finds weaker than it would make it,
 * and with {@code -Dcloudist.fix=true} repairs it.
 */
@Mojo(name = "setup", requiresProject = false, threadSafe = true)
public class SetupMojo extends CloudAdminMojo {
    /**
     * Repair an existing bucket's default encryption, public access block and run-data expiry rule where setup finds
     * them weaker than it makes them, instead of only warning.
     */
    @Parameter(property = FIX, defaultValue = DEFAULT_FIX)
    private String fix;

    /** Days after its push that the image repository expires a worker image. */
    @Parameter(property = IMAGE_RETENTION_DAYS, defaultValue = DEFAULT_IMAGE_RETENTION_DAYS)
    private String imageRetentionDays;

    @Override
    Goal goal() {
        return Goal.SETUP;
    }

    @Override
    void act(AdminRequest request, RunListener listener) {
        Cloudist.setup(request.settings(), request.store(), request.fix(), listener);
    }
}
