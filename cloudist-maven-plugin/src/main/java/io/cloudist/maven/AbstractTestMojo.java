package io.cloudist.maven;

import static io.cloudist.core.CloudistProperties.ALLOWED_SECRETS;
import static io.cloudist.core.CloudistProperties.AMI;
import static io.cloudist.core.CloudistProperties.BACKEND;
import static io.cloudist.core.CloudistProperties.BASE_IMAGE;
import static io.cloudist.core.CloudistProperties.CPU_PER_WORKER;
import static io.cloudist.core.CloudistProperties.DEFAULT_CPU_PER_WORKER;
import static io.cloudist.core.CloudistProperties.DEFAULT_GRANULARITY;
import static io.cloudist.core.CloudistProperties.DEFAULT_IDLE_MINUTES;
import static io.cloudist.core.CloudistProperties.DEFAULT_IMAGE;
import static io.cloudist.core.CloudistProperties.DEFAULT_LOCAL_WORKERS;
import static io.cloudist.core.CloudistProperties.DEFAULT_MAX_INSTANCE_HOURS;
import static io.cloudist.core.CloudistProperties.DEFAULT_MEMORY_PER_WORKER;
import static io.cloudist.core.CloudistProperties.DEFAULT_ON_DEMAND_FALLBACK;
import static io.cloudist.core.CloudistProperties.DEFAULT_REACTOR;
import static io.cloudist.core.CloudistProperties.DEFAULT_REUSE_FORKS;
import static io.cloudist.core.CloudistProperties.DEFAULT_STORE_OUTAGE_SECONDS;
import static io.cloudist.core.CloudistProperties.DEFAULT_TARGET_TASK_SECONDS;
import static io.cloudist.core.CloudistProperties.DEFAULT_TASKS_PER_WORKER;
import static io.cloudist.core.CloudistProperties.DEFAULT_TEST_TIMEOUT;
import static io.cloudist.core.CloudistProperties.EXTRA_FILES;
import static io.cloudist.core.CloudistProperties.FILE_EXCLUDES;
import static io.cloudist.core.CloudistProperties.GRANULARITY;
import static io.cloudist.core.CloudistProperties.IDLE_MINUTES;
import static io.cloudist.core.CloudistProperties.IMAGE;
import static io.cloudist.core.CloudistProperties.INSTANCE_TYPES;
import static io.cloudist.core.CloudistProperties.LOCAL_WORKERS;
import static io.cloudist.core.CloudistProperties.MAX_INSTANCE_HOURS;
import static io.cloudist.core.CloudistProperties.MAX_PRICE_PER_HOUR;
import static io.cloudist.core.CloudistProperties.MAX_WORKER_RESTARTS;
import static io.cloudist.core.CloudistProperties.MEMORY_PER_WORKER;
import static io.cloudist.core.CloudistProperties.ON_DEMAND_FALLBACK;
import static io.cloudist.core.CloudistProperties.PROFILE;
import static io.cloudist.core.CloudistProperties.REACTOR;
import static io.cloudist.core.CloudistProperties.REGION;
import static io.cloudist.core.CloudistProperties.REUSE_FORKS;
import static io.cloudist.core.CloudistProperties.SKIP;
import static io.cloudist.core.CloudistProperties.STORE;
import static io.cloudist.core.CloudistProperties.STORE_OUTAGE_SECONDS;
import static io.cloudist.core.CloudistProperties.TARGET_TASK_SECONDS;
import static io.cloudist.core.CloudistProperties.TASKS_PER_WORKER;
import static io.cloudist.core.CloudistProperties.TEST_TIMEOUT;
import static io.cloudist.core.CloudistProperties.USE_SUREFIRE_CONFIG;
import static io.cloudist.core.CloudistProperties.WORKERS;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.NoTestsException;
import io.cloudist.core.run.Cloudist;
import io.cloudist.core.run.RunOutcome;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * What the test goals share: every parameter of {@code cloudist:test}, and the run. Reads the module's
 * maven-surefire-plugin configuration; parameters of the same name set here, or as {@code -D} user properties, win.
 * Surefire-named parameters below have no default of their own: unset, Surefire's value or default applies.
 */
abstract class AbstractTestMojo extends AbstractMojo {
    /** Number of workers to start; default: Surefire's forkCount, else the available processors. */
    @Parameter(property = WORKERS)
    private String workers;

    /** Unit of scheduling: class or method. */
    @Parameter(property = GRANULARITY, defaultValue = DEFAULT_GRANULARITY)
    private String granularity;

    /** Target number of tasks per worker; the last round is split into smaller tasks so workers finish together. */
    @Parameter(property = TASKS_PER_WORKER, defaultValue = DEFAULT_TASKS_PER_WORKER)
    private String tasksPerWorker;

    /** Expected seconds of one task, from the timing history; 0 counts tasks by tasksPerWorker. */
    @Parameter(property = TARGET_TASK_SECONDS, defaultValue = DEFAULT_TARGET_TASK_SECONDS)
    private String targetTaskSeconds;

    /** Reuse a worker's test JVM across tasks; false starts a fresh JVM per test class. */
    @Parameter(property = REUSE_FORKS, defaultValue = DEFAULT_REUSE_FORKS)
    private String reuseForks;

    /**
     * Seconds a test JVM may spend on one task before it is killed, counted from the task's first class or test
     * starting: the JVM's start-up is not counted (it gets 2 minutes of its own); 0 for no limit.
     */
    @Parameter(property = TEST_TIMEOUT, defaultValue = DEFAULT_TEST_TIMEOUT)
    private String testTimeout;

    /** Lost workers (killed, crashed, evicted) replaced in one run; default: 4 × workers. */
    @Parameter(property = MAX_WORKER_RESTARTS)
    private String maxWorkerRestarts;

    /**
     * Comma-separated globs, relative to the module directory, of files outside the project that workers elsewhere
     * need too, shipped to the same relative paths (e.g. {@code ../../shared-data/**}).
     */
    @Parameter(property = EXTRA_FILES)
    private String extraFiles;

    /**
     * Comma-separated globs, relative to the project's root directory, of files not to ship to workers elsewhere;
     * version control metadata and build output never travel.
     */
    @Parameter(property = FILE_EXCLUDES)
    private String fileExcludes;

    /**
     * Comma-separated names of system properties and environment variables that look secret but may be stored in the
     * run's manifest, so that workers elsewhere get them.
     */
    @Parameter(property = ALLOWED_SECRETS)
    private String allowedSecrets;

    /** Skip cloudist:test only. */
    @Parameter(property = SKIP, defaultValue = "false")
    private String skip;

    /**
     * At a reactor root, run the tests of every module as one run, after the last module is built; false runs each
     * module's tests on their own, module after module.
     */
    @Parameter(property = REACTOR, defaultValue = DEFAULT_REACTOR)
    private String reactor;

    /** Read the module's maven-surefire-plugin configuration. */
    @Parameter(property = USE_SUREFIRE_CONFIG, defaultValue = "true")
    private String useSurefireConfig;

    /** Skip running tests, as in Surefire ({@code -DskipTests}). */
    @Parameter
    private String skipTests;

    /** Do not fail the build on test failures ({@code -Dmaven.test.failure.ignore}). */
    @Parameter
    private String testFailureIgnore;

    /** Where TEST-*.xml and *.txt reports are written; default: target/surefire-reports. */
    @Parameter
    private File reportsDirectory;

    /** Test class include patterns; default: Surefire's. */
    @Parameter
    private List<String> includes;

    /** Test class exclude patterns; default: nested classes. */
    @Parameter
    private List<String> excludes;

    /** Surefire's test filter ({@code -Dtest}): Class, Class#method, wildcards, !exclusions. */
    @Parameter
    private String test;

    /** Tag expression of tests to run ({@code -Dgroups}). */
    @Parameter
    private String groups;

    /** Tag expression of tests not to run ({@code -DexcludedGroups}). */
    @Parameter
    private String excludedGroups;

    /** Test JVM arguments ({@code -DargLine}); {@code @{property}} is replaced late. */
    @Parameter
    private String argLine;

    /** The java executable of the test JVMs ({@code -Djvm}); default: the build's. */
    @Parameter
    private String jvm;

    /** System properties of the test JVMs, added to Surefire's. */
    @Parameter
    private Map<String, String> systemPropertyVariables;

    /** Environment variables of the test JVMs, added to Surefire's. */
    @Parameter
    private Map<String, String> environmentVariables;

    /** Extra test classpath entries. */
    @Parameter
    private List<String> additionalClasspathElements;

    /** groupId:artifactId of dependencies to drop from the test classpath. */
    @Parameter
    private List<String> classpathDependencyExcludes;

    /** Working directory of the test JVMs; default: the module directory. */
    @Parameter
    private File workingDirectory;

    /** Fail when no tests are found ({@code -DfailIfNoTests}). */
    @Parameter
    private String failIfNoTests;

    /** Fail when the test parameter matches no test ({@code -Dsurefire.failIfNoSpecifiedTests}). */
    @Parameter
    private String failIfNoSpecifiedTests;

    /** Run a failed test again up to this many times ({@code -Dsurefire.rerunFailingTestsCount}); default: 0. */
    @Parameter
    private String rerunFailingTestsCount;

    /** Fail the build when there are this many flakes or more ({@code -Dsurefire.failOnFlakeCount}); default: 0. */
    @Parameter
    private String failOnFlakeCount;

    /** Where workers run: on this machine (local), or on ec2 spot instances. Default: local. */
    @Parameter(property = BACKEND)
    private String backend;

    /** How the local backend runs its workers: thread (on threads of this JVM) or process. */
    @Parameter(property = LOCAL_WORKERS, defaultValue = DEFAULT_LOCAL_WORKERS)
    private String localWorkers;

    /** A directory or s3://bucket/prefix; default: target/cloudist/store, with ec2 the bucket of cloudist:setup. */
    @Parameter(property = STORE)
    private String store;

    /** Seconds the store may stay unreachable (throttled, failing, offline) before the run stops. */
    @Parameter(property = STORE_OUTAGE_SECONDS, defaultValue = DEFAULT_STORE_OUTAGE_SECONDS)
    private String storeOutageSeconds;

    /** The AWS region; default: the AWS SDK's (AWS_REGION, then the profile's region). */
    @Parameter(property = REGION)
    private String region;

    /** The AWS credentials profile; default: the AWS SDK's (AWS_PROFILE, else default). */
    @Parameter(property = PROFILE)
    private String profile;

    /** vCPUs each worker needs; several workers share an instance that has room for them. */
    @Parameter(property = CPU_PER_WORKER, defaultValue = DEFAULT_CPU_PER_WORKER)
    private String cpuPerWorker;

    /** GiB of memory each worker needs, e.g. 4 or 1.5. */
    @Parameter(property = MEMORY_PER_WORKER, defaultValue = DEFAULT_MEMORY_PER_WORKER)
    private String memoryPerWorker;

    /** Comma-separated EC2 instance types to choose from, e.g. m7i.large,c7i.xlarge; default: any. */
    @Parameter(property = INSTANCE_TYPES)
    private String instanceTypes;

    /** The most to pay for one instance-hour, in USD; 0 or unset for no limit. */
    @Parameter(property = MAX_PRICE_PER_HOUR)
    private String maxPricePerHour;

    /** Launch on-demand instances when no spot capacity is found. */
    @Parameter(property = ON_DEMAND_FALLBACK, defaultValue = DEFAULT_ON_DEMAND_FALLBACK)
    private String onDemandFallback;

    /** The image (ami-...) that instances boot; default: the current Amazon Linux 2023. */
    @Parameter(property = AMI)
    private String ami;

    /** Minutes idle workers wait for the next run before their instance shuts down. */
    @Parameter(property = IDLE_MINUTES, defaultValue = DEFAULT_IDLE_MINUTES)
    private String idleMinutes;

    /**
     * Hours after which a worker instance powers off, whatever its agents do (1 to 168); a warm one takes no new run
     * in its last hour.
     */
    @Parameter(property = MAX_INSTANCE_HOURS, defaultValue = DEFAULT_MAX_INSTANCE_HOURS)
    private String maxInstanceHours;

    /**
     * Boot ec2 workers from a runtime image that cloudist builds without Docker and keeps in the account's ECR
     * repository; false installs Java at boot.
     */
    @Parameter(property = IMAGE, defaultValue = DEFAULT_IMAGE)
    private String image;

    /**
     * The image the worker image builds on; it must have a java of the build's Java version or newer on its PATH.
     * Default: Amazon Corretto of the build's Java version.
     */
    @Parameter(property = BASE_IMAGE)
    private String baseImage;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${executedProject}", readonly = true)
    private MavenProject executedProject;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Optional<String> unknown = UnknownParameters.check(
                project, mojoExecution, session.getUserProperties().stringPropertyNames());
        if (unknown.isPresent()) {
            throw new MojoExecutionException(unknown.get());
        }
        try {
            Map<String, Object> configuration = ConfiguredValues.of(this, mojoExecution.getMojoDescriptor());
            Optional<ReactorRun> reactorRun = reactorRun(configuration);
            if ("pom".equals(project.getPackaging())) {
                getLog().debug("cloudist: a pom module has no tests to run");
                accountFor(reactorRun);
                return;
            }
            MavenProject executed = executedProject != null ? executedProject : project;
            Mapping mapping = RunRequestMapper.map(MavenFacts.input(
                    project, executed, session, mojoExecution, pluginArtifacts, repositorySystem, configuration));
            if (mapping instanceof Mapping.Skipped skipped) {
                getLog().info(skipped.message());
                accountFor(reactorRun);
            } else if (mapping instanceof Mapping.NoTests noTests) {
                Outcomes.noTests(noTests, getLog());
                accountFor(reactorRun);
            } else if (mapping instanceof Mapping.Run run) {
                run(run, reactorRun);
            }
        } catch (NoTestsException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (CloudistException e) {
            throw ErrorMessages.toMojoException(
                    e, getLog(), session.getRequest().isShowErrors());
        }
    }

    /** Whether this goal builds the workers' image instead of running the tests ({@code cloudist:image}). */
    boolean buildsImage() {
        return false;
    }

    /**
     * The session's reactor run, when this build has several projects and {@code reactor} is on: modules hand their
     * tests to it, and it runs them all after the last module (design record 0009); for {@code cloudist:image}, it
     * builds the one image of that run instead.
     */
    private Optional<ReactorRun> reactorRun(Map<String, Object> configuration) {
        if (session.getProjects().size() < 2
                || !MavenFacts.sources(session, configuration).flag(CloudistParameters.REACTOR)) {
            return Optional.empty();
        }
        return Optional.of(buildsImage() ? ReactorRuns.images(session, getLog()) : ReactorRuns.of(session, getLog()));
    }

    private void accountFor(Optional<ReactorRun> reactorRun) throws MojoExecutionException, MojoFailureException {
        if (reactorRun.isPresent()) {
            reactorRun.get().account(project, getLog());
        }
    }

    private void run(Mapping.Run run, Optional<ReactorRun> reactorRun)
            throws MojoExecutionException, MojoFailureException {
        getLog().debug("cloudist run request: " + run.request());
        run.warnings().forEach(getLog()::warn);
        boolean interactive = session.getRequest().isInteractiveMode() && System.console() != null;
        // The goal's execute is the plugin's entry point: what tests print goes to Maven's own streams, as Surefire's
        // does, also when the reactor's run prints it later.
        RunConsole console = new RunConsole(getLog(), interactive, System.out, System.err);
        if (reactorRun.isPresent()
                && reactorRun.get().collect(new ReactorModule(project, mojoExecution, run, console))) {
            return;
        }
        if (buildsImage()) {
            MavenRunListener listener = new MavenRunListener(getLog(), text -> {}, System.out, System.err);
            run.extension().call(() -> {
                Cloudist.image(run.request(), listener);
                return null;
            });
            return;
        }
        MavenRunListener listener = console.listener();
        RunOutcome outcome;
        try {
            outcome = run.extension().call(() -> Cloudist.run(run.request(), listener));
        } finally {
            listener.finish();
        }
        Outcomes.check(
                outcome,
                run.testFailureIgnore(),
                run.failOnFlakeCount(),
                run.request().failIfNoTests(),
                getLog());
    }
}
