package io.cloudist.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the module's tests across cloudist workers and writes Surefire-compatible reports. Typed on the command line,
 * it first runs the lifecycle up to {@code test-compile}; reads the module's maven-surefire-plugin configuration, and
 * parameters of the same name set here, or as {@code -D} user properties, win.
 */
@Mojo(
        name = "test",
        defaultPhase = LifecyclePhase.TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class TestMojo extends AbstractTestMojo {}
