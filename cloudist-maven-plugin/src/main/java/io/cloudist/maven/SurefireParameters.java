package io.cloudist.maven;

import java.util.List;
import java.util.Objects;

/**
 * What cloudist does with each parameter of maven-surefire-plugin 3.5's {@code test} goal: the one home of the table
 * in {@code docs/surefire-parameters.md}, which a test checks against it, and which another test checks against
 * Surefire's own plugin descriptor. A parameter that changes which tests run or how is honoured or mapped; one that
 * cannot be is warned about when a build sets it.
 */
final class SurefireParameters {
    private SurefireParameters() {}

    enum Treatment {
        /** cloudist does what Surefire does with it. */
        HONOURED,
        /** It sets the default of a cloudist parameter that does the same job across workers. */
        MAPPED,
        /** It concerns something cloudist does not have (Surefire's fork protocol, TestNG, ...): nothing to do. */
        NOT_APPLICABLE,
        /** cloudist cannot do what it asks: a build that sets it gets a warning naming it. */
        WARNED
    }

    /**
     * One parameter.
     *
     * @param name the POM element
     * @param property its user property, or "" when it has none
     * @param treatment what cloudist does with it
     * @param note how, or why not, in a sentence
     */
    record Entry(String name, String property, Treatment treatment, String note) {
        Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(treatment, "treatment");
            Objects.requireNonNull(note, "note");
        }
    }

    private static Entry honoured(String name, String property, String note) {
        return new Entry(name, property, Treatment.HONOURED, note);
    }

    private static Entry mapped(String name, String property, String note) {
        return new Entry(name, property, Treatment.MAPPED, note);
    }

    private static Entry notApplicable(String name, String property, String note) {
        return new Entry(name, property, Treatment.NOT_APPLICABLE, note);
    }

    private static Entry warned(String name, String property, String note) {
        return new Entry(name, property, Treatment.WARNED, note);
    }

    private static final String TESTNG = "TestNG's provider only; cloudist runs the JUnit Platform (TestNG tests run"
            + " through the TestNG engine for the JUnit Platform).";
    private static final String PARALLEL = "Only with <parallel>, which cloudist warns about.";
    private static final String FORK_PROTOCOL = "Surefire's fork protocol; cloudist's workers have their own.";

    /** Every editable parameter of Surefire 3.5's {@code test} goal, by name. */
    static final List<Entry> ALL = List.of(
            warned(
                    "additionalClasspathDependencies",
                    "maven.test.additionalClasspathDependencies",
                    "Not resolved; list the dependencies in the POM, or their files in <additionalClasspathElements>."),
            honoured("additionalClasspathElements", "maven.test.additionalClasspath", "Added to the test classpath."),
            honoured("argLine", "argLine", "The test JVMs' arguments, with @{...} replaced late."),
            notApplicable(
                    "childDelegation",
                    "childDelegation",
                    "Only with useSystemClassLoader=false, which cloudist" + " warns about."),
            honoured("classesDirectory", "", "Takes the place of the module's output directory on the classpath."),
            honoured(
                    "classpathDependencyExcludes",
                    "maven.test.dependency.excludes",
                    "Those dependencies are left off the test classpath."),
            warned(
                    "classpathDependencyScopeExclude",
                    "",
                    "Not applied: exclude the dependencies by name with" + " <classpathDependencyExcludes>."),
            warned(
                    "consoleOutputReporter",
                    "",
                    "cloudist prints Surefire's console itself; a custom console reporter is" + " not loaded."),
            warned(
                    "debugForkedProcess",
                    "maven.surefire.debug",
                    "A debugger cannot attach to workers: debug with mvn" + " test -Dmaven.surefire.debug."),
            honoured(
                    "dependenciesToScan",
                    "dependenciesToScan",
                    "The test classes inside those dependencies' jars run"
                            + " too, selected by includes and excludes."),
            warned("disableXmlReport", "disableXmlReport", "cloudist always writes the XML reports."),
            honoured(
                    "enableAssertions",
                    "enableAssertions",
                    "Assertions are on for the test classes unless false, as"
                            + " Surefire does it: through the system class loader."),
            honoured(
                    "enableOutErrElements",
                    "enableOutErrElements",
                    "false leaves <system-out> and <system-err> out of" + " the XML reports."),
            notApplicable("enableProcessChecker", "surefire.enableProcessChecker", FORK_PROTOCOL),
            honoured(
                    "enablePropertiesElement",
                    "enablePropertiesElement",
                    "false leaves <properties> out of the XML reports."),
            notApplicable("encoding", "surefire.encoding", "cloudist writes its reports in UTF-8."),
            honoured("environmentVariables", "", "Set in every test JVM."),
            honoured("excludeJUnit5Engines", "surefire.excludeJUnit5Engines", "Those engines do not discover tests."),
            honoured(
                    "excludedEnvironmentVariables",
                    "surefire.excludedEnvironmentVariables",
                    "Removed from every test JVM's environment."),
            honoured("excludedGroups", "excludedGroups", "A tag expression of tests not to run."),
            honoured("excludes", "surefire.excludes", "Test classes not to run."),
            honoured("excludesFile", "surefire.excludesFile", "Its lines are excludes."),
            honoured(
                    "failIfNoSpecifiedTests",
                    "surefire.failIfNoSpecifiedTests",
                    "Fails the build when -Dtest matches nothing."),
            honoured("failIfNoTests", "failIfNoTests", "Fails the build when there are no tests."),
            honoured("failOnFlakeCount", "surefire.failOnFlakeCount", "Fails the build at that many flakes."),
            mapped("forkCount", "forkCount", "The number of workers when <workers> is unset (1.5C: per core)."),
            notApplicable("forkNode", "surefire.forkNode", FORK_PROTOCOL),
            notApplicable("forkedProcessExitTimeoutInSeconds", "surefire.exitTimeout", FORK_PROTOCOL),
            mapped(
                    "forkedProcessTimeoutInSeconds",
                    "surefire.timeout",
                    "The seconds a test JVM may spend on one task"
                            + " when <testTimeout> is unset: a test JVM of cloudist runs one task where Surefire's ran them all."),
            honoured("groups", "groups", "A tag expression of tests to run."),
            honoured("includeJUnit5Engines", "surefire.includeJUnit5Engines", "Only those engines discover tests."),
            honoured("includes", "surefire.includes", "Test classes to run."),
            honoured("includesFile", "surefire.includesFile", "Its lines are includes."),
            warned("jdkToolchain", "", "Toolchains are not read: name the test JVMs' java with <jvm>."),
            honoured("junitArtifactName", "junitArtifactName", "Names the JUnit that decides the provider."),
            honoured("jvm", "jvm", "The java of the test JVMs on the local backend (workers elsewhere use their own)."),
            notApplicable("objectFactory", "objectFactory", TESTNG),
            warned(
                    "parallel",
                    "parallel",
                    "Tests do not run in parallel inside a test JVM: cloudist runs test classes"
                            + " in parallel across workers (with JUnit Jupiter, its configuration parameters still apply)."),
            notApplicable("parallelOptimized", "parallelOptimized", PARALLEL),
            notApplicable("parallelTestsTimeoutForcedInSeconds", "surefire.parallel.forcedTimeout", PARALLEL),
            notApplicable("parallelTestsTimeoutInSeconds", "surefire.parallel.timeout", PARALLEL),
            notApplicable("perCoreThreadCount", "perCoreThreadCount", PARALLEL),
            warned("printSummary", "surefire.printSummary", "cloudist always prints the Results summary."),
            honoured(
                    "promoteUserPropertiesToSystemProperties",
                    "",
                    "false keeps -D user properties out of the test" + " JVMs."),
            honoured(
                    "properties",
                    "",
                    "<configurationParameters> are the JUnit Platform's configuration parameters;"
                            + " other properties (a JUnit 4 listener, TestNG settings) are warned about."),
            honoured(
                    "redirectTestOutputToFile",
                    "maven.test.redirectTestOutputToFile",
                    "What tests print goes to <class>-output.txt instead of the console."),
            warned("reportFormat", "surefire.reportFormat", "cloudist writes the brief format."),
            warned("reportNameSuffix", "surefire.reportNameSuffix", "Reports are named without a suffix."),
            honoured("reportsDirectory", "", "Where the reports go."),
            honoured(
                    "rerunFailingTestsCount",
                    "surefire.rerunFailingTestsCount",
                    "A failed test runs again, on its worker, up to that many times."),
            mapped(
                    "reuseForks",
                    "reuseForks",
                    "cloudist's <reuseForks> when it is unset: false starts a test JVM per" + " class."),
            honoured(
                    "runOrder",
                    "surefire.runOrder",
                    "Orders test classes that timing does not tell apart (balanced is"
                            + " what cloudist's timing does)."),
            honoured("runOrderRandomSeed", "surefire.runOrder.random.seed", "The seed of runOrder=random."),
            notApplicable("shutdown", "surefire.shutdown", FORK_PROTOCOL),
            honoured(
                    "skip",
                    "maven.test.skip",
                    "The property skips; the element turns Surefire off only (it is how a"
                            + " POM lets cloudist replace Surefire)."),
            honoured(
                    "skipAfterFailureCount",
                    "surefire.skipAfterFailureCount",
                    "After that many failed tests, tests not handed to a worker yet are skipped."),
            honoured("skipExec", "maven.test.skip.exec", "Skips, as skipTests."),
            honoured("skipTests", "skipTests", "Skips."),
            warned(
                    "statelessTestsetInfoReporter",
                    "",
                    "cloudist prints Surefire's console itself; a custom reporter is" + " not loaded."),
            warned(
                    "statelessTestsetReporter",
                    "",
                    "cloudist writes Surefire's XML reports itself; a custom reporter is" + " not loaded."),
            notApplicable("suiteXmlFiles", "surefire.suiteXmlFiles", TESTNG),
            honoured("systemProperties", "", "Set in every test JVM, under systemPropertyVariables."),
            honoured(
                    "systemPropertiesFile",
                    "surefire.systemPropertiesFile",
                    "Its properties are set in every test JVM."),
            honoured("systemPropertyVariables", "", "Set in every test JVM."),
            notApplicable("tempDir", "tempDir", FORK_PROTOCOL),
            honoured("test", "test", "Selects tests by class and method, with wildcards and exclusions."),
            honoured("testClassesDirectory", "", "Where test classes are found."),
            honoured("testFailureIgnore", "maven.test.failure.ignore", "Test failures do not fail the build."),
            notApplicable("testNGArtifactName", "testNGArtifactName", TESTNG),
            honoured(
                    "testSourceDirectory",
                    "",
                    "Travels with the tests to workers elsewhere, also outside the project."),
            notApplicable("threadCount", "threadCount", PARALLEL),
            notApplicable("threadCountClasses", "threadCountClasses", PARALLEL),
            notApplicable("threadCountMethods", "threadCountMethods", PARALLEL),
            notApplicable("threadCountSuites", "threadCountSuites", PARALLEL),
            honoured("trimStackTrace", "trimStackTrace", "Stack traces keep only the test class's frames."),
            honoured("useFile", "surefire.useFile", "false writes no <class>.txt reports."),
            notApplicable(
                    "useManifestOnlyJar",
                    "surefire.useManifestOnlyJar",
                    "cloudist passes the classpath in an argument file, which no command line limit stops."),
            warned(
                    "useModulePath",
                    "surefire.useModulePath",
                    "Tests run on the class path; a module with a module" + " descriptor is warned about."),
            warned(
                    "useSystemClassLoader",
                    "surefire.useSystemClassLoader",
                    "Tests run in the system class loader;" + " false is warned about."),
            notApplicable("useUnlimitedThreads", "useUnlimitedThreads", PARALLEL),
            honoured("workingDirectory", "", "The test JVMs' working directory."));

    /** The entry of a parameter, or null. */
    static Entry of(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }
}
