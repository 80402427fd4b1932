package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.provision.CloudAdmin;
import io.cloudist.core.report.ConsoleLine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code ec2} admin of the plugin's tests, registered in the test resources' {@code META-INF/services}; the test
 * classes come first on the classpath, so core finds it before any real one. Records each call; a region named
 * {@link #FAILING_REGION} fails as a cloud would, {@link #MISCONFIGURED_REGION} as a bad parameter would.
 */
public final class FakeCloudAdmin implements CloudAdmin {
    static final String FAILING_REGION = "xx-failing-1";
    static final String MISCONFIGURED_REGION = "xx-misconfigured-1";
    static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    /** One call: {@code setup} or {@code cleanup}, with what it was given. */
    record Call(String goal, CloudSettings settings, String store, boolean deleteRunData, boolean fix) {}

    @Override
    public String backend() {
        return "ec2";
    }

    @Override
    public void setup(CloudSettings settings, String store, RunListener listener) {
        setup(settings, store, false, listener);
    }

    @Override
    public void setup(CloudSettings settings, String store, boolean fix, RunListener listener) {
        act(new Call("setup", settings, store, false, fix), listener);
    }

    @Override
    public void cleanup(CloudSettings settings, String store, boolean deleteRunData, RunListener listener) {
        act(new Call("cleanup", settings, store, deleteRunData, false), listener);
    }

    private static void act(Call call, RunListener listener) {
        CALLS.add(call);
        switch (call.settings().region()) {
            case FAILING_REGION ->
                throw new CloudistException(
                        "AWS denied s3:CreateBucket: grant s3:CreateBucket to the IAM user or role that runs cloudist",
                        new IllegalStateException("Access Denied (Service: S3, Status Code: 403)"));
            case MISCONFIGURED_REGION ->
                throw new ConfigurationException(
                        CloudistProperties.STORE, call.store(), "run mvn cloudist:setup first");
            default ->
                listener.line(ConsoleLine.info(
                        call.goal() + " done in " + call.settings().region()));
        }
    }
}
