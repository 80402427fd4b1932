package io.cloudist.core.report;

/**
 * The Surefire provider that would run the module's tests: Surefire picks it from the test classpath, and it decides
 * how tests are named in the reports. cloudist runs every kind on the JUnit Platform (JUnit 3 and 4 tests through the
 * Vintage engine) and names them as the provider Surefire would have chosen.
 */
public enum SurefireProvider {
    /** The JUnit Platform is on the test classpath (Jupiter, Vintage, any engine). */
    JUNIT_PLATFORM("JUnit Platform"),
    /** JUnit 4 without the JUnit Platform: tests are named by their JUnit 4 {@code Description}. */
    JUNIT4("JUnit 4"),
    /** JUnit 3.8 (or older): tests are named by {@code TestCase.getName()}, which JUnit 4's description keeps. */
    JUNIT3("JUnit 3");

    private final String displayName;

    SurefireProvider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** True for the providers that name tests by JUnit 4 descriptions: the test's own class and full method name. */
    public boolean namesByDescription() {
        return this != JUNIT_PLATFORM;
    }
}
