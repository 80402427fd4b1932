package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Status;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.protocol.WorkerTimes;
import io.cloudist.core.provision.InPlace;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.Summary;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.core.timeline.Phase;
import io.cloudist.core.timeline.PhasesAddUp;
import io.cloudist.core.timeline.RunTimeline;
import io.cloudist.core.timeline.TimelineRecorder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real worker agent, in place as a local worker runs, with real test JVMs: what it records of its own time in its
 * task results, and the run's timeline made of those results, whose phases add up to the worker's time.
 */
@Timeout(120)
class WorkerTimesTest {
    private static final String RUN = "r1";
    private static final String CALCULATOR = "io.cloudist.worker.fixtures.CalculatorFixture";
    private static final String EXIT = "io.cloudist.worker.fixtures.ExitFixture";

    @TempDir
    Path temp;

    private Store store;
    private final List<Task> tasks = new ArrayList<>();

    @BeforeEach
    void store() {
        store = new LocalDirectoryStore(temp.resolve("store"));
    }

    private static String methodId(String className, String method) {
        return "[engine:junit-jupiter]/[class:" + className + "]/[method:" + method + "()]";
    }

    /** A task of one class's methods, as the planner makes it. */
    private void task(String className, String... methods) {
        List<Unit> units = Arrays.stream(methods)
                .map(m -> new Unit(className + "#" + m, className, List.of(methodId(className, m)), 1))
                .toList();
        tasks.add(new Task("t" + tasks.size(), units, methods.length));
    }

    /**
     * Plays the coordinator's part to one worker, on the real clock: asks for the worker, writes every assignment,
     * reads each result as it comes, as the coordinator does, and tells the timeline all of it.
     */
    private RunTimeline run(boolean reuseForks, TimelineRecorder timeline) throws Exception {
        Path module = Files.createDirectories(temp.resolve("module"));
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        ShippedRun.publish(
                store, RUN, ShippedRun.module("", List.of(), List.of(), List.of(), Map.of(), 0, reuseForks, 0));
        Path inPlace = temp.resolve("in-place.json");
        InPlace.of(module, classpath).write(inPlace);
        WorkerHandle w0 = new Handle("w0");
        timeline.workersStarted(List.of(w0), System.currentTimeMillis());
        for (int i = 0; i < tasks.size(); i++) {
            store.put(
                    StoreKeys.assignment(RUN, "w0", i),
                    Documents.write(Assignment.task(
                            i, tasks.get(i).id(), 1, tasks.get(i).uniqueIds())));
            timeline.taskDispatched(w0, tasks.get(i), i, 1);
        }
        store.put(StoreKeys.assignment(RUN, "w0", tasks.size()), Documents.write(Assignment.stop(tasks.size())));
        WorkerAgent agent = new WorkerAgent(WorkerOptions.parse(
                "--store",
                store.location(),
                "--run",
                RUN,
                "--worker",
                "w0",
                "--dir",
                temp.resolve("worker").toString(),
                "--in-place",
                inPlace.toString()));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                agent.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int seq = 0; seq < tasks.size(); ) {
            Optional<byte[]> written = store.get(StoreKeys.result(RUN, "w0", seq));
            if (written.isPresent()) {
                timeline.taskFinished(tasks.get(seq), Documents.read(written.get(), TaskResult.class));
                seq++;
            } else {
                assertThat(running)
                        .as("the worker ended before its result %d", seq)
                        .isNotDone();
                Thread.sleep(20);
            }
        }
        running.get(60, TimeUnit.SECONDS);
        return timeline.timeline(RUN, "local", 2, Summary.EMPTY, List.of());
    }

    private TaskResult result(int seq) {
        return Documents.read(store.get(StoreKeys.result(RUN, "w0", seq)).orElseThrow(), TaskResult.class);
    }

    @Test
    void eachResultSaysWhenTheAgentWasUpAndWhenItsTestJvmsStartedAndItsTestsRan() throws Exception {
        task(CALCULATOR, "adds");
        task(EXIT, "before", "exits", "after");
        task(CALCULATOR, "adds", "failsAnAssertion");
        long asked = System.currentTimeMillis();
        run(true, new TimelineRecorder(Clock.systemUTC()));

        TaskResult first = result(0);
        WorkerTimes times = first.times();
        assertThat(times.agentMillis()).isBetween(asked, first.startedMillis());
        // The test JVM started ahead of the first task, and was ready before its first event.
        assertThat(times.files())
                .singleElement()
                .satisfies(files -> assertThat(files.fromMillis()).isGreaterThanOrEqualTo(times.agentMillis()));
        assertThat(times.jvms()).singleElement().satisfies(jvm -> {
            assertThat(jvm.fromMillis()).isGreaterThanOrEqualTo(times.agentMillis());
            assertThat(jvm.toMillis()).isGreaterThan(jvm.fromMillis()).isLessThanOrEqualTo(times.firstEventMillis());
        });
        assertThat(times.firstEventMillis()).isGreaterThanOrEqualTo(first.startedMillis());
        assertThat(first.firstTestMillis()).isBetween(times.firstEventMillis(), times.lastEventMillis());
        assertThat(times.lastEventMillis()).isLessThanOrEqualTo(first.finishedMillis());

        // The JVM that System.exit took down is followed by another, started and ready within the task.
        TaskResult exits = result(1);
        assertThat(exits.times().jvms())
                .singleElement()
                .satisfies(jvm -> assertThat(jvm.fromMillis())
                        .isBetween(
                                exits.times().firstEventMillis(), exits.times().lastEventMillis()));
        assertThat(exits.results())
                .filteredOn(r -> r.node().methodName().equals("after"))
                .singleElement()
                .extracting(r -> r.status())
                .isEqualTo(Status.PASSED);
        assertThat(exits.times().agentMillis()).isEqualTo(times.agentMillis());
        assertThat(exits.times().files()).isEmpty();

        // The last task reuses that JVM: nothing to start.
        assertThat(result(2).times().jvms()).isEmpty();
    }

    @Test
    void theTimelineOfARealWorkersResultsCutsItsTimeIntoPhasesThatAddUpToItsWallTime() throws Exception {
        task(CALCULATOR, "adds", "failsAnAssertion");
        task(EXIT, "before", "exits", "after");
        task(CALCULATOR, "adds", "throwsAnException");
        task(EXIT, "before");

        RunTimeline timeline = run(false, new TimelineRecorder(Clock.systemUTC()));

        RunTimeline.Worker worker = timeline.workers().get(0);
        PhasesAddUp.check(worker);
        List<Phase> phases =
                worker.phases().stream().map(RunTimeline.PhaseSpan::phase).toList();
        assertThat(phases.get(0)).isEqualTo(Phase.START);
        assertThat(phases).contains(Phase.JVM, Phase.DISCOVERY, Phase.RUNNING, Phase.REPORTING);
        // With reuseForks=false each task starts a test JVM of its own: four starts, none counted as running.
        long jvmStarts = worker.phases().stream()
                .filter(p -> p.phase() == Phase.JVM)
                .map(RunTimeline.PhaseSpan::taskId)
                .distinct()
                .count();
        assertThat(jvmStarts).isEqualTo(4);
        assertThat(timeline.phases().startupShare()).isStrictlyBetween(0.0, 1.0);
        assertThat(timeline.phases().workerSeconds())
                .isEqualTo(worker.wallSeconds(), org.assertj.core.data.Offset.offset(0.001));
    }

    private record Handle(String id) implements WorkerHandle {
        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public void terminate() {}

        @Override
        public String describe() {
            return "worker " + id;
        }
    }
}
