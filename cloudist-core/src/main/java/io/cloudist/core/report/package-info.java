/**
 * Surefire-compatible reports as pure functions: {@code TEST-<class>.xml}, {@code <class>.txt} and Surefire's console
 * lines, matching what maven-surefire-plugin 3.5.4 writes for JUnit Platform tests with default settings.
 *
 * <p>Use {@link io.cloudist.core.report.Reports#group} to turn node outcomes into {@link
 * io.cloudist.core.report.ClassReport}s, {@link io.cloudist.core.report.Reports#write} to write the files, and {@link
 * io.cloudist.core.report.ConsoleReport} for the console.
 *
 * <p>Where Surefire 3.5.4 is plainly wrong, cloudist differs on purpose:
 *
 * <ul>
 *   <li>A class with {@code @Nested} classes gets its true totals. Surefire writes the file of the outer class last,
 *       with {@code tests="0"}, and prints one {@code Running}/{@code Tests run} pair per nested class.
 *   <li>The XML stays valid against Surefire's schema: an aborted test's {@code <skipped>} gets a {@code message}, not
 *       a {@code type}; rerun elements come in schema order.
 *   <li>Each test case counts once in the totals. Surefire merges test cases that share {@code class.method}, such as
 *       equally named methods of two nested classes.
 *   <li>A lone surrogate in output becomes {@code ?} instead of cutting the rest of the line.
 * </ul>
 */
package io.cloudist.core.report;
