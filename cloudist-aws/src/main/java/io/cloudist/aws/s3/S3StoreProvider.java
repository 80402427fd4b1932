package io.cloudist.aws.s3;

import io.cloudist.aws.client.CloudSettingsCheck;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreProvider;

/**
 * Opens {@code s3://bucket/prefix} stores. The region and profile come from the run's settings when set, else from
 * the SDK's default chains (on a worker: the instance's region and its instance profile). Opening checks the form of
 * the settings ({@link CloudSettingsCheck}: a run on {@code ec2} opens its store first), then the credentials and the
 * bucket once, so that a missing bucket, a wrong region or a missing permission stops the build before a run
 * starts.
 */
public final class S3StoreProvider implements StoreProvider {
    @Override
    public boolean accepts(String location) {
        return location != null && location.startsWith("s3://");
    }

    @Override
    public Store open(String location, CloudSettings settings) {
        CloudSettingsCheck.check(settings);
        S3Store store = S3Store.open(location, settings.region(), settings.profile());
        try {
            store.checkBucket();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
