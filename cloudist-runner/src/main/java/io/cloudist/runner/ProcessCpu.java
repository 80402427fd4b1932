package io.cloudist.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time this JVM has used, every thread together, as the JDK's {@code com.sun.management} extension reports
 * it: what the planner needs to tell a class that computes from one that waits. On a JVM without the extension it is
 * unknown.
 */
final class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean BEAN = bean();

    private ProcessCpu() {}

    /** Milliseconds of CPU used so far, or -1 when this JVM does not say. */
    static long millis() {
        if (BEAN == null) {
            return -1;
        }
        long nanos = BEAN.getProcessCpuTime();
        return nanos < 0 ? -1 : nanos / 1_000_000;
    }

    private static com.sun.management.OperatingSystemMXBean bean() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean
                    ? (com.sun.management.OperatingSystemMXBean) os
                    : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
