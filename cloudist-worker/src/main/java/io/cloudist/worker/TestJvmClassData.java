package io.cloudist.worker;

import io.cloudist.core.jvm.ArgLine;
import io.cloudist.core.jvm.ClassDataArchive;
import io.cloudist.core.jvm.JavaRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether and how a module's test JVMs map a class data archive on this worker. The archive holds what a test JVM
 * loads from the module's jars and the JDK before its first test (the JUnit Platform, its engines, the runner): it is
 * written once per java, set of jars and heap options, by a JVM of its own ({@link TestClassData}), and every later
 * test JVM of a module with those jars maps it, on the classpath with its jars first ({@link JarsFirst}).
 *
 * <p>Test JVMs start without an archive when their java is older than 13 (no {@code -XX:ArchiveClassesAtExit}), when
 * the argLine or the environment's java options already choose what to share ({@code -Xshare},
 * {@code -XX:SharedArchiveFile}, an AOT cache...), or when putting the jars first could change what a test finds.
 * Until the archive is written, they start as they always did, with the classpath in Maven's order.
 */
final class TestJvmClassData {
    private static final Logger LOG = LoggerFactory.getLogger(TestJvmClassData.class);
    /** How long an archive may go unused before the writing of another deletes it. */
    static final Duration KEEP_UNUSED = Duration.ofDays(7);
    /** The first java with dynamic archives ({@code -XX:ArchiveClassesAtExit}). */
    static final int FIRST_JAVA = 13;

    /** Options with which the user chose what the JVM shares, or where its classes come from ahead of time. */
    private static final Pattern SHARING = Pattern.compile(
            "-Xshare.*|-XX:(SharedArchiveFile|ArchiveClassesAtExit|SharedClassListFile|DumpLoadedClassList|AOT)\\w*=.*"
                    + "|-XX:[+-](UseSharedSpaces|AutoCreateSharedArchive|RecordDynamicDumpInfo|AOT\\w*)");
    /** Options that decide which base archive a JVM maps: the writer takes them from the argLine. */
    private static final Pattern BASE_ARCHIVE = Pattern.compile(
            "-Xmx.*|-XX:(MaxHeapSize|MaxRAM\\w*|ObjectAlignmentInBytes)=.*"
                    + "|-XX:[+-](UseCompressedOops|UseCompressedClassPointers|Use\\w+GC|Unlock(Experimental|Diagnostic)VMOptions)");

    /** How to start one test JVM: options before the argLine, and the classpath. */
    record Launch(List<String> options, List<Path> classpath, boolean mapsArchive) {
        Launch {
            options = List.copyOf(options);
            classpath = List.copyOf(classpath);
        }
    }

    private final String module;
    private final TestJvmConfig config;
    private final String skipped;
    private final ClassDataArchive archive;
    private final TestClassData writers;
    private JarsFirst order;
    private boolean writerStarted;
    private boolean saidMapped;
    private boolean discarded;

    private TestJvmClassData(
            String module, TestJvmConfig config, String skipped, ClassDataArchive archive, TestClassData writers) {
        this.module = module;
        this.config = config;
        this.skipped = skipped;
        this.archive = archive;
        this.writers = writers;
    }

    /** Test JVMs that share no class data: {@code why} says why ("" for a worker that shares none at all). */
    static TestJvmClassData off(TestJvmConfig config, String why) {
        return new TestJvmClassData("", config, why, null, null);
    }

    /**
     * @param directory where the worker's archives are kept
     * @param environment the worker's environment, which the test JVM inherits
     */
    static TestJvmClassData decide(
            String module,
            TestJvmConfig config,
            Path directory,
            Map<String, String> environment,
            TestClassData writers) {
        String name = module.isEmpty() ? "the module" : module;
        String why = skipReason(config, environment);
        if (!why.isEmpty()) {
            LOG.info("Test JVMs of {} start without a class data archive: {}", name, why);
            return new TestJvmClassData(name, config, why, null, writers);
        }
        List<Path> jars =
                config.classpath().stream().filter(Files::isRegularFile).toList();
        ClassDataArchive archive = new ClassDataArchive(
                directory, "test-", config.java(), jars, baseArchiveOptions(config.jvmArguments()), KEEP_UNUSED);
        return new TestJvmClassData(name, config, "", archive, writers);
    }

    /**
     * The argLine's options that decide which base archive a JVM maps (heap size, compressed pointers, collector): the
     * writer runs with them, and they are part of the archive's key.
     */
    static List<String> baseArchiveOptions(List<String> jvmArguments) {
        return jvmArguments.stream()
                .filter(o -> BASE_ARCHIVE.matcher(o).matches())
                .toList();
    }

    /** Why this module's test JVMs share no class data; "" when they may. */
    static String skipReason(TestJvmConfig config, Map<String, String> workerEnvironment) {
        int version = JavaRuntime.featureVersion(config.java());
        if (version < FIRST_JAVA) {
            return version == 0
                    ? "the version of " + config.java() + " is unknown"
                    : "java " + version + " (" + config.java() + ") is older than " + FIRST_JAVA;
        }
        Optional<String> argument = config.jvmArguments().stream()
                .filter(o -> SHARING.matcher(o).matches())
                .findFirst();
        if (argument.isPresent()) {
            return "the argLine has " + argument.get();
        }
        Map<String, String> environment = new HashMap<>(workerEnvironment);
        config.excludedEnvironment().forEach(environment::remove);
        environment.putAll(config.environment());
        for (String variable : TestClassData.OPTION_VARIABLES) {
            Optional<String> option = ArgLine.split(environment.getOrDefault(variable, "")).stream()
                    .filter(o -> SHARING.matcher(o).matches())
                    .findFirst();
            if (option.isPresent()) {
                return "the environment variable " + variable + " has " + option.get();
            }
        }
        return "";
    }

    /**
     * How to start the next test JVM: mapping the archive when it is there, with the jars first; otherwise as before,
     * and the archive is written in the background if nobody writes it yet.
     */
    synchronized Launch next() {
        Launch plain = new Launch(List.of(), config.classpath(), false);
        if (archive == null) {
            return plain;
        }
        if (order == null) {
            String archiveName = archive.archive().getFileName().toString();
            Path verdicts = archive.archive().resolveSibling(archiveName.substring(0, archiveName.lastIndexOf('.')));
            order = JarsFirst.of(config.classpath(), verdicts + ".order-");
            if (!order.possible()) {
                LOG.info("Test JVMs of {} start without a class data archive: {}", module, order.conflict());
            }
        }
        if (!order.possible()) {
            return plain;
        }
        if (archive.usable()) {
            if (!saidMapped) {
                saidMapped = true;
                LOG.info(
                        "Test JVMs of {} map the class data archive {}, with the {} jars first on the classpath",
                        module,
                        archive.archive().getFileName(),
                        order.jarCount());
            }
            return new Launch(archive.mapOptions(), order.classpath(), true);
        }
        if (!writerStarted && !archive.failed()) {
            writerStarted = true;
            archive.claim().ifPresent(writing -> {
                LOG.info(
                        "Writing the class data archive {} of {}",
                        archive.archive().getFileName(),
                        module);
                writers.write(module, archive, writing);
            });
        }
        return plain;
    }

    /**
     * A test JVM that mapped the archive died before it ran anything: the archive is deleted and not written again
     * (until its java or jars change), and later test JVMs start without it.
     */
    synchronized void discard(int exitCode) {
        if (archive != null && !discarded) {
            discarded = true;
            LOG.warn(
                    "A test JVM of {} that mapped the class data archive {} exited with code {} before it ran"
                            + " anything; later test JVMs start without the archive",
                    module,
                    archive.archive(),
                    exitCode);
            archive.discard();
        }
    }

    /** Why test JVMs of this module share no class data; "" when they may. */
    String skipped() {
        return skipped;
    }
}
