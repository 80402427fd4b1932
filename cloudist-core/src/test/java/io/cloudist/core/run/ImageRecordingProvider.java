package io.cloudist.core.run;

import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.ProvisionerProvider;
import io.cloudist.core.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Backend {@code image-recording}: keeps the classpaths of the images it is asked to prepare, and runs nothing. */
public final class ImageRecordingProvider implements ProvisionerProvider {
    static final String BACKEND = "image-recording";

    /** The classpaths of each image asked for, worker's then tests', in order. */
    static final List<List<List<Path>>> PREPARED = new ArrayList<>();

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public Provisioner open(CloudSettings settings, Store store, RunListener listener) {
        throw new UnsupportedOperationException("this backend prepares images only");
    }

    @Override
    public void prepareImage(
            CloudSettings settings, List<Path> workerClasspath, List<Path> testClasspath, RunListener listener) {
        synchronized (PREPARED) {
            PREPARED.add(List.of(workerClasspath, testClasspath));
        }
    }
}
