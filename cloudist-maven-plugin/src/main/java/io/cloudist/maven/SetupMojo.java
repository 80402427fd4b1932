package io.cloudist.maven;

import io.cloudist.core.Cloudist;
import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.RunListener;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Creates what cloud runs need in an account and region (bucket, IAM role and instance profile, security group),
 * or finds it there, and says which. Safe to run again. Needs no project: {@code mvn cloudist:setup
 * -Dcloudist.region=eu-west-1}.
 */
@Mojo(name = "setup", requiresProject = false, threadSafe = true)
public class SetupMojo extends CloudAdminMojo {
    @Override
    Goal goal() {
        return Goal.SETUP;
    }

    @Override
    void act(AdminRequest request, RunListener listener) {
        Cloudist.setup(request.settings(), request.store(), listener);
    }
}
