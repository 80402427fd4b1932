package io.cloudist.core.timeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a worker (or the coordinator) was doing in a stretch of its time, as {@code run.json} and the report say. */
public enum Phase {
    /**
     * An instance's launch and boot, from the run's asking for it to its boot script's first step, when the script
     * timed its steps ({@link io.cloudist.core.protocol.BootSteps}).
     */
    @JsonProperty("boot")
    BOOT("instance boot", true),
    /** The boot script's steps before the agents start: the worker image's pull, or a JDK install and the jars. */
    @JsonProperty("pull")
    PULL("image pull / Java and jars", true),
    /**
     * To the worker's agent joining the run: a process's start; on an instance whose boot was timed, its agent's start
     * after the boot steps; on one whose boot was not, the launch and boot as well.
     */
    @JsonProperty("start")
    START("process start / boot", true),
    /** Fetching the files of a module (a worker elsewhere) or finding them in place (a local one). */
    @JsonProperty("files")
    FILES("module files", false),
    /** A test JVM from its spawn to ready for its first request: the JVM, the JUnit Platform launcher, the engines. */
    @JsonProperty("jvm")
    JVM("test JVM start", true),
    /** Finding the tests: on a worker, from a task taken to its runner's first event; the coordinator's own once. */
    @JsonProperty("discovery")
    DISCOVERY("discovery", false),
    /** Up and idle, with no assignment to run. */
    @JsonProperty("waiting")
    WAITING("waiting", false),
    /** Running a task's tests, from its runner's first event to its last. */
    @JsonProperty("running")
    RUNNING("running tests", false),
    /** A task's tests done: its result built, written, and read by the coordinator. */
    @JsonProperty("reporting")
    REPORTING("reporting", false),
    /** The time of a worker that was lost for which no result came. */
    @JsonProperty("lost")
    LOST("lost", false);

    private final String label;
    private final boolean startsUp;

    Phase(String label, boolean startsUp) {
        this.label = label;
        this.startsUp = startsUp;
    }

    /** How the report names it. */
    public String label() {
        return label;
    }

    /** Whether it counts as starting up: a process's start or an instance's boot, and a test JVM's start. */
    public boolean startsUp() {
        return startsUp;
    }

    /** Whether it is a worker's time before its agent joined the run: its instance's boot and its agent's start. */
    public boolean beforeJoining() {
        return this == BOOT || this == PULL || this == START;
    }

    /** Its name in {@code run.json} and its CSS class in the report. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
