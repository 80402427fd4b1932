package io.cloudist.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code cloudist:test} without the forked lifecycle: the goal to bind in a POM, in the {@code test} phase by default,
 * where the lifecycle has compiled the tests already. Bound in place of Surefire's {@code default-test} execution,
 * {@code mvn test} and {@code mvn verify} compile once and run each test once, through cloudist. Takes every parameter
 * of {@code cloudist:test}.
 */
@Mojo(
        name = "test-no-fork",
        defaultPhase = LifecyclePhase.TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class TestNoForkMojo extends AbstractTestMojo {}
