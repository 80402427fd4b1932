package io.cloudist.runner;

import java.util.Arrays;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A request discovered ahead of its run, in a launcher session of its own that stays open until the run ends: the
 * project's session listeners see one session for the discovery and the run together, as they do when the request is
 * discovered and run in one go. Needs JUnit Platform 1.8 (launcher sessions); on an older Platform nothing is
 * prepared and every request is discovered when it runs.
 */
final class PreparedRequest implements AutoCloseable {
    /** False once the Platform was found too old to prepare requests. */
    private static volatile boolean supported = true;

    private final byte[] content;
    private final LauncherSession session;
    private final TestPlan plan;

    private PreparedRequest(byte[] content, LauncherSession session, TestPlan plan) {
        this.content = content;
        this.session = session;
        this.plan = plan;
    }

    /**
     * Opens a session and discovers {@code request} in it.
     *
     * @param content the request file's bytes, which the run's request must equal to use this preparation
     * @return null on a Platform too old to prepare requests
     */
    static PreparedRequest discover(byte[] content, LauncherDiscoveryRequest request) {
        if (!supported) {
            return null;
        }
        LauncherSession session;
        try {
            session = LauncherFactory.openSession();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            supported = false;
            return null;
        }
        try {
            return new PreparedRequest(
                    content.clone(), session, session.getLauncher().discover(request));
        } catch (RuntimeException | LinkageError e) {
            session.close();
            throw e;
        }
    }

    /** Whether a request file of this content is the one prepared. */
    boolean isFor(byte[] requestContent) {
        return Arrays.equals(content, requestContent);
    }

    /**
     * Runs the prepared tests in the session that discovered them.
     *
     * @return false, having run nothing, on a Platform whose launcher cannot run a test plan discovered before
     */
    boolean execute(TestExecutionListener listener) {
        try {
            session.getLauncher().execute(plan, listener);
            return true;
        } catch (NoSuchMethodError e) {
            StackTraceElement[] where = e.getStackTrace();
            if (where.length == 0 || !where[0].getClassName().equals(PreparedRequest.class.getName())) {
                throw e; // from inside the run, which has begun: not the launcher's method missing
            }
            supported = false;
            return false;
        }
    }

    /** Ends the session: the project's session listeners hear it close. */
    @Override
    public void close() {
        session.close();
    }
}
