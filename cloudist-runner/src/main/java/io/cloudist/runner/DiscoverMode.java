package io.cloudist.runner;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/** {@code discover <requestFile> <outputFile>}: writes every node of the test plan, parents before children. */
final class DiscoverMode {
    private DiscoverMode() {}

    /** Returns the process exit code: 0, or 1 when discovery failed (the output then says why). */
    static int run(Path requestFile, Path outputFile) throws IOException {
        try (EventFile output = EventFile.replace(outputFile)) {
            int exitCode = 0;
            try {
                TestPlan plan = LauncherFactory.create().discover(RequestFile.read(requestFile));
                for (TestIdentifier root : plan.getRoots()) {
                    writeTree(output, plan, root);
                }
            } catch (Exception | LinkageError e) {
                output.write(ThrowableJson.errorEvent(e));
                exitCode = 1;
            }
            output.write(new JsonObject().put("event", "end"));
            return exitCode;
        }
    }

    private static void writeTree(EventFile output, TestPlan plan, TestIdentifier node) {
        output.write(NodeJson.addFields(new JsonObject().put("event", "node"), node));
        for (TestIdentifier child : plan.getChildren(node)) {
            writeTree(output, plan, child);
        }
    }
}
