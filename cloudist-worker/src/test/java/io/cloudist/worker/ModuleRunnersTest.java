package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ModuleRunnersTest {
    @TempDir
    Path temp;

    private final Set<String> configuredOn = ConcurrentHashMap.newKeySet();
    private final List<Heartbeats> heartbeats = new ArrayList<>();

    @AfterEach
    void stopHeartbeats() {
        heartbeats.forEach(Heartbeats::close);
    }

    @Test
    @Timeout(60)
    void theNextTasksModuleIsMadeReadyInTheBackgroundWithoutClosingTheRunningOne() throws Exception {
        assertRoomForTwoWarmJvms();
        try (ModuleRunners runners = runners("g:app", "g:lib", "g:doc")) {
            runners.of("g:app");
            runners.prepare(taskOf("g:lib"));
            awaitOpen(runners, List.of("g:app", "g:lib"));
            assertThat(configuredOn)
                    .as("a module's files are fetched off the thread that runs tasks")
                    .isNotEmpty()
                    .doesNotContain(Thread.currentThread().getName());

            runners.prepare(taskOf("g:doc"));
            awaitOpen(runners, List.of("g:app", "g:doc"));

            runners.prepare(taskOf("g:app"));
            runners.prepare(taskOf("not a module"));
            Thread.sleep(200);
            assertThat(runners.openModules())
                    .as("a module already open, or one the run does not have, changes nothing")
                    .containsExactly("g:app", "g:doc");
        }
    }

    @Test
    @Timeout(60)
    void theNextAssignmentIsLookedForUntilItIsWrittenAndItsModulePrepared() throws Exception {
        assertRoomForTwoWarmJvms();
        AtomicInteger looks = new AtomicInteger();
        try (ModuleRunners runners = runners("g:app", "g:lib")) {
            runners.of("g:app");
            Future<?> lookAhead = runners.prepareNext(
                    () -> looks.incrementAndGet() < 3
                            ? Optional.empty()
                            : Optional.of(Assignment.task(1, "t1", 1, List.of("id"), 0, "g:lib")),
                    () -> true,
                    false);
            lookAhead.get(30, TimeUnit.SECONDS);
            assertThat(looks).as("written by the third look").hasValue(3);
            awaitOpen(runners, List.of("g:app", "g:lib"));
        }
    }

    @Test
    @Timeout(60)
    void theNextModulesJvmStartsOnlyOnceTheCurrentTasksJvmIsUp() throws Exception {
        assertRoomForTwoWarmJvms();
        AtomicBoolean currentUp = new AtomicBoolean();
        try (ModuleRunners runners = runners("g:app", "g:lib")) {
            runners.of("g:app");
            Future<?> lookAhead = runners.prepareNext(() -> Optional.of(taskOf("g:lib")), currentUp::get, false);
            Thread.sleep(500);
            assertThat(runners.openModules())
                    .as("no JVM of the next module while the current task's JVM starts")
                    .containsExactly("g:app");
            currentUp.set(true);
            lookAhead.get(30, TimeUnit.SECONDS);
            awaitOpen(runners, List.of("g:app", "g:lib"));
        }
    }

    @Test
    @Timeout(60)
    void lookingAheadStopsWhenTheTaskEnds() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        try (ModuleRunners runners = runners("g:app", "g:lib")) {
            Future<?> lookAhead = runners.prepareNext(
                    () -> {
                        looks.incrementAndGet();
                        return Optional.empty();
                    },
                    () -> true,
                    false);
            while (looks.get() < 2) {
                Thread.sleep(20);
            }
            lookAhead.cancel(true);
            int seen = looks.get();
            Thread.sleep(1_000);
            assertThat(looks.get()).as("no look after the cancel").isLessThanOrEqualTo(seen + 1);
            assertThat(runners.openModules()).isEmpty();
        }
    }

    @Test
    void aRunOfOneModuleLooksAheadOnlyWhereLooksAreFree() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Supplier<Optional<Assignment>> next = () -> {
            looks.incrementAndGet();
            return Optional.of(taskOf(""));
        };
        try (ModuleRunners one = runners("");
                ModuleRunners two = runners("g:app", "g:lib")) {
            assertThat(one.severalModules()).isFalse();
            assertThat(two.severalModules()).isTrue();

            one.of("");
            one.prepareNext(next, () -> true, false).get(30, TimeUnit.SECONDS);
            assertThat(looks)
                    .as("no store request for a run of one module on S3")
                    .hasValue(0);
            one.prepareNext(next, () -> true, true).get(30, TimeUnit.SECONDS);
            assertThat(looks).hasValue(1);
            assertThat(one.openModules())
                    .as("the module's own runner, and no other")
                    .containsExactly("");
        }
    }

    private static void assertRoomForTwoWarmJvms() {
        assertThat(ModuleRunners.warmLimit())
                .as("this test needs memory for two warm test JVMs")
                .isEqualTo(2);
    }

    private static Assignment taskOf(String module) {
        return Assignment.task(1, "t1", 1, List.of("[engine:none]/[class:Nothing]"), 0, module);
    }

    private static void awaitOpen(ModuleRunners runners, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!runners.openModules().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(runners.openModules()).containsExactlyElementsOf(expected);
    }

    private ModuleRunners runners(String... modules) {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        List<ModuleManifest> manifests = Arrays.stream(modules)
                .map(module -> ShippedRun.module(module, List.of(), List.of()))
                .toList();
        RunManifest manifest = new RunManifest(Documents.SCHEMA, "r1", manifests);
        Function<ModuleManifest, TestJvmConfig> configure = module -> {
            configuredOn.add(Thread.currentThread().getName());
            Path scratch = temp.resolve("scratch-" + module.module().replace(':', '-'));
            return TestJvmConfig.from(module, temp, classpath, scratch);
        };
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        Heartbeats beats = new Heartbeats(store, "r1", "w0", Duration.ofHours(1));
        heartbeats.add(beats);
        return new ModuleRunners(manifest, configure, beats);
    }
}
