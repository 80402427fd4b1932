package io.cloudist.core.run;

import io.cloudist.core.report.Summary;
import java.nio.file.Path;

/**
 * What a finished run leaves: the totals and where the reports are.
 *
 * @param summary Surefire's totals
 * @param reportsDirectory where the reports were written
 */
public record RunOutcome(Summary summary, Path reportsDirectory) {}
