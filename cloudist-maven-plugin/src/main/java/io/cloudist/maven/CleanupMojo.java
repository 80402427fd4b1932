package io.cloudist.maven;

import static io.cloudist.core.CloudistProperties.DEFAULT_DELETE_IMAGES;
import static io.cloudist.core.CloudistProperties.DEFAULT_DELETE_RUN_DATA;
import static io.cloudist.core.CloudistProperties.DELETE_IMAGES;
import static io.cloudist.core.CloudistProperties.DELETE_RUN_DATA;

import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.RunListener;
import io.cloudist.core.run.Cloudist;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Terminates every cloudist instance in the region, warm or orphaned, and with {@code -Dcloudist.deleteRunData=true}
 * deletes the run documents from the store, and with {@code -Dcloudist.deleteImages=true} the ECR repository of worker
 * images. Needs no project: {@code mvn cloudist:cleanup}.
 */
@Mojo(name = "cleanup", requiresProject = false, threadSafe = true)
public class CleanupMojo extends CloudAdminMojo {
    /** Also delete the run documents under the store's runs/ prefix. */
    @Parameter(property = DELETE_RUN_DATA, defaultValue = DEFAULT_DELETE_RUN_DATA)
    private String deleteRunData;

    /** Also delete the ECR repository of worker images, with every image in it. */
    @Parameter(property = DELETE_IMAGES, defaultValue = DEFAULT_DELETE_IMAGES)
    private String deleteImages;

    @Override
    Goal goal() {
        return Goal.CLEANUP;
    }

    @Override
    void act(AdminRequest request, RunListener listener) {
        Cloudist.cleanup(request.settings(), request.store(), request.deleteRunData(), listener);
    }
}
