package io.cloudist.core.timeline;

import io.cloudist.core.timeline.RunTimeline.ClassTime;
import io.cloudist.core.timeline.RunTimeline.CriticalPath;
import io.cloudist.core.timeline.RunTimeline.FailedTest;
import io.cloudist.core.timeline.RunTimeline.PhaseSpan;
import io.cloudist.core.timeline.RunTimeline.PhaseTotals;
import io.cloudist.core.timeline.RunTimeline.Totals;
import io.cloudist.core.timeline.RunTimeline.Worker;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code target/cloudist/report.html}: a run timeline as one self-contained page — inline CSS and SVG, no script, no
 * font or link to fetch, every figure in the page's text. A pure function of the {@link RunTimeline}; every text from
 * the run is escaped. The chart is {@link GanttChart}'s.
 */
public final class HtmlReport {
    private static final int SLOWEST = 20;

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>cloudist run %s</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
            h1{font-size:20px}h2{font-size:16px;margin-top:28px}
            table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left;border-bottom:1px solid #eee}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .bar{background:#eee;width:240px;height:12px;display:flex}.bar div{height:12px}
            .warning{background:#fff3cd;border:1px solid #e0b252;padding:8px 12px;max-width:1100px}
            pre{white-space:pre-wrap;margin:0;font-size:12px}
            svg text{font-size:11px;font-family:system-ui,sans-serif}svg text.l{font-size:10px;fill:#fff}
            .legend svg{vertical-align:middle}.legend span{margin-right:14px;white-space:nowrap}
            .passed{fill:#5cb85c;background:#5cb85c}.failed{fill:#d9534f;background:#d9534f}
            .error{fill:#8e44ad;background:#8e44ad}.flaky{fill:#e08e0b;background:#e08e0b}
            .p-boot{fill:#5d4037;background:#5d4037}.p-pull{fill:#c9a66b;background:#c9a66b}
            .p-start{fill:#34495e;background:#34495e}.p-files{fill:#7f8c8d;background:#7f8c8d}
            .p-jvm{fill:#4a78c2;background:#4a78c2}.p-discovery{fill:#76c7e8;background:#76c7e8}
            .p-running{fill:#5cb85c;background:#5cb85c}.p-reporting{fill:#2aa198;background:#2aa198}
            .p-waiting{fill:#e4e4e4;background:#e4e4e4}.p-lost{fill:#bbb;background:#bbb}
            .life{fill:#ccc}.critical{stroke:#222;stroke-width:2}
            </style></head><body>
            <h1>cloudist run %s</h1>
            %s
            <h2>Summary</h2>
            <table>%s</table>
            <h2>Workers over time</h2>
            <p>One row per worker, from when the run asked for it to the end of its part in the run; each bar is a
            phase of its time, a thin line the time it waited with nothing to run. Bars of running tests are coloured by
            their task's outcome and name its classes; outlined: the critical path. Hover a bar for its details.</p>
            <p class="legend">%s</p>
            %s
            %s
            %s
            <h2>Where each worker's time went</h2>
            <table><tr><th>worker</th><th>wall</th>%s<th>busy ÷ makespan</th><th>phases</th><th>why lost</th></tr>
            %s</table>
            <h2>Slowest classes</h2>
            <table><tr><th>class</th><th>tests</th><th>seconds</th></tr>%s</table>
            <h2>Failures</h2>
            %s
            </body></html>
            """;

    private HtmlReport() {}

    public static String render(RunTimeline run) {
        return PAGE.formatted(
                escape(run.runId()),
                escape(run.runId()),
                warnings(run),
                summary(run),
                legend(shown(run)),
                GanttChart.render(run),
                criticalPath(run),
                modules(run),
                phaseHeaders(shown(run)),
                workers(run, shown(run)),
                slowestClasses(run),
                failures(run));
    }

    private static String warnings(RunTimeline run) {
        StringBuilder html = new StringBuilder();
        for (String warning : run.warnings()) {
            html.append("<p class=\"warning\"><strong>Warning:</strong> ")
                    .append(escape(warning))
                    .append("</p>");
        }
        return html.toString();
    }

    private static String summary(RunTimeline run) {
        Totals t = run.totals();
        PhaseTotals phases = run.phases();
        return row(
                        "backend",
                        escape(run.backend()) + ", " + t.workerSlots() + " workers"
                                + (run.cores() > 0 ? " on a machine of " + run.cores() + " cores" : ""))
                + row(
                        "tests",
                        String.format(
                                Locale.ROOT,
                                "%d run, %d failures, %d errors, %d skipped, %d flaky",
                                t.tests(),
                                t.failures(),
                                t.errors(),
                                t.skipped(),
                                run.flakes().size()))
                + row("wall time", seconds(t.wallSeconds()))
                + row("makespan (first assignment to last result)", seconds(t.makespanSeconds()))
                + row("lower bound (max of test time ÷ workers, longest class)", seconds(t.lowerBoundSeconds()))
                + row("makespan ÷ lower bound", String.format(Locale.ROOT, "%.2f", t.makespanOverLowerBound()))
                + row(
                        "start-up share (process start or boot + test JVM start, ÷ worker time)",
                        String.format(
                                Locale.ROOT,
                                "<strong id=\"startup-share\">%.1f%%</strong> of %s: %sprocess start / boot %s,"
                                        + " test JVM start %s",
                                phases.startupShare() * 100,
                                seconds(phases.workerSeconds()),
                                bootSteps(phases),
                                seconds(phases.seconds(Phase.START)),
                                seconds(phases.seconds(Phase.JVM))))
                + row("worker time by phase", byPhase(phases))
                + coordinator(run)
                + row(
                        "per-task overhead (result written → next first test)",
                        String.format(
                                Locale.ROOT,
                                "median %d ms, p90 %d ms over %d tasks",
                                run.overhead().medianMillis(),
                                run.overhead().p90Millis(),
                                run.overhead().samples()))
                + row("critical path", criticalPathLine(run.criticalPath()));
    }

    /** The instances' boot and pull, when their boot was timed; "" when not (local workers). */
    private static String bootSteps(PhaseTotals phases) {
        double boot = phases.seconds(Phase.BOOT);
        double pull = phases.seconds(Phase.PULL);
        return boot + pull > 0
                ? "instance boot " + seconds(boot) + ", image pull / Java and jars " + seconds(pull) + ", "
                : "";
    }

    private static String byPhase(PhaseTotals phases) {
        StringBuilder text = new StringBuilder();
        for (Phase phase : Phase.values()) {
            double s = phases.seconds(phase);
            if (s > 0) {
                text.append(text.length() == 0 ? "" : ", ")
                        .append(phase.label())
                        .append(' ')
                        .append(seconds(s))
                        .append(String.format(
                                Locale.ROOT,
                                " (%.0f%%)",
                                phases.workerSeconds() > 0 ? 100 * s / phases.workerSeconds() : 0));
            }
        }
        return text.length() == 0 ? "none recorded" : text.toString();
    }

    private static String coordinator(RunTimeline run) {
        StringBuilder html = new StringBuilder();
        for (PhaseSpan p : run.coordinator()) {
            html.append(row("coordinator: " + p.phase().label(), seconds(p.seconds())));
        }
        return html.toString();
    }

    /** The first classes' names without their packages, and how many there are in all when that is more. */
    private static String someClasses(List<String> classes) {
        return GanttChart.simpleNames(classes.subList(0, Math.min(12, classes.size())))
                + (classes.size() > 12 ? ", … (" + classes.size() + " classes)" : "");
    }

    private static String criticalPathLine(CriticalPath path) {
        if (path.workerId().isEmpty()) {
            return "none";
        }
        String names = someClasses(path.classes());
        return "worker " + escape(path.workerId()) + ", " + path.taskIds().size() + " tasks: " + escape(names)
                + "; longest task " + escape(path.longestTaskId()) + " (" + seconds(path.longestTaskSeconds()) + ")";
    }

    /** The critical path's tasks in order, with their classes and times. */
    private static String criticalPath(RunTimeline run) {
        CriticalPath path = run.criticalPath();
        if (path.workerId().isEmpty()) {
            return "";
        }
        StringBuilder rows = new StringBuilder("<h2>Critical path</h2><p>The tasks of worker "
                + escape(path.workerId())
                + ", whose last task finished last, in the order it ran them.</p>"
                + "<table><tr><th>task</th><th>outcome</th><th>seconds</th><th>classes</th></tr>");
        for (Worker w : run.workers()) {
            if (!w.id().equals(path.workerId())) {
                continue;
            }
            for (String id : path.taskIds()) {
                w.tasks().stream()
                        .filter(t -> t.taskId().equals(id) && t.finishedMillis() > 0)
                        .findFirst()
                        .ifPresent(t -> rows.append(String.format(
                                Locale.ROOT,
                                "<tr><td>%s</td><td>%s</td><td class=\"n\">%.3f</td><td>%s</td></tr>",
                                escape(t.taskId()),
                                t.outcome(),
                                t.seconds(),
                                escape(someClasses(t.classes())))));
            }
        }
        return rows.append("</table>").toString();
    }

    /** What each colour means, in the chart's own shapes. */
    private static String legend(List<Phase> shown) {
        StringBuilder html = new StringBuilder();
        for (Phase phase : shown) {
            if (phase == Phase.RUNNING) {
                for (String outcome : List.of("passed", "failed", "error", "flaky")) {
                    html.append(swatch(outcome, "running: " + legendOf(outcome)));
                }
            } else if (phase == Phase.WAITING) {
                html.append("<span><svg width=\"14\" height=\"12\"><rect class=\"life\" y=\"5\" width=\"14\""
                        + " height=\"2\"/></svg> waiting</span>");
            } else {
                html.append(swatch("p-" + phase.key(), phase.label()));
            }
        }
        return html.append("<span><svg width=\"14\" height=\"12\"><rect class=\"passed critical\" x=\"1\" y=\"1\""
                        + " width=\"12\" height=\"10\"/></svg> critical path</span>")
                .toString();
    }

    private static String legendOf(String outcome) {
        return switch (outcome) {
            case "failed" -> "a test failed";
            case "error" -> "a test or class in error";
            case "flaky" -> "a test passed on a rerun";
            default -> "passed";
        };
    }

    private static String swatch(String cls, String label) {
        return "<span><svg width=\"14\" height=\"12\"><rect class=\"" + cls + "\" width=\"14\" height=\"12\"/></svg> "
                + label + "</span>";
    }

    /** Colours that tell modules apart, in the stripe under a reactor's running bars and the modules' table. */
    private static final List<String> PALETTE = List.of(
            "#1f77b4", "#ff7f0e", "#17becf", "#bcbd22", "#e377c2", "#8c564b", "#7f7f7f", "#9467bd", "#2ca02c",
            "#d62728");

    /** A module's colour in a reactor's run, by its place in the modules' list; "" in a module's run. */
    static String moduleColour(RunTimeline run, String module) {
        if (run.modules().size() < 2) {
            return "";
        }
        for (int i = 0; i < run.modules().size(); i++) {
            if (run.modules().get(i).module().equals(module)) {
                return PALETTE.get(i % PALETTE.size());
            }
        }
        return "";
    }

    /** A reactor's run: each module's colour, tasks, tests and time; nothing for a module's run. */
    private static String modules(RunTimeline run) {
        if (run.modules().size() < 2) {
            return "";
        }
        StringBuilder rows = new StringBuilder("<h2>Modules</h2><p>The stripe under a bar of running tests is its"
                + " module's colour.</p><table><tr><th></th><th>module</th><th>tasks</th><th>tests</th>"
                + "<th>seconds</th></tr>");
        for (RunTimeline.ModuleTime m : run.modules()) {
            rows.append(String.format(
                    Locale.ROOT,
                    "<tr><td><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" style=\"fill:%s\"/>"
                            + "</svg></td><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
                            + "<td class=\"n\">%.3f</td></tr>",
                    moduleColour(run, m.module()),
                    escape(m.module()),
                    m.tasks(),
                    m.tests(),
                    m.seconds()));
        }
        return rows.append("</table>").toString();
    }

    /**
     * The phases the report names: all but an instance's boot steps when no worker's boot was timed (a local run), so
     * that a local run's report has no columns that are always empty.
     */
    private static List<Phase> shown(RunTimeline run) {
        boolean booted = run.phases().seconds(Phase.BOOT) + run.phases().seconds(Phase.PULL) > 0;
        return Arrays.stream(Phase.values())
                .filter(p -> booted || (p != Phase.BOOT && p != Phase.PULL))
                .toList();
    }

    private static String phaseHeaders(List<Phase> shown) {
        StringBuilder html = new StringBuilder();
        for (Phase phase : shown) {
            html.append("<th>").append(phase.label()).append("</th>");
        }
        return html.toString();
    }

    /** Per worker: its wall time, its time in each phase, its utilisation, and a bar of its phases' shares. */
    private static String workers(RunTimeline run, List<Phase> shown) {
        StringBuilder rows = new StringBuilder();
        for (Worker w : run.workers()) {
            Map<Phase, Long> millis = new EnumMap<>(Phase.class);
            w.phases().forEach(p -> millis.merge(p.phase(), p.toMillis() - p.fromMillis(), Long::sum));
            double wall = w.wallSeconds();
            rows.append("<tr><td>")
                    .append(escape(w.id()))
                    .append("</td><td class=\"n\">")
                    .append(seconds(wall))
                    .append("</td>");
            StringBuilder bar = new StringBuilder("<div class=\"bar\">");
            for (Phase phase : shown) {
                long ms = millis.getOrDefault(phase, 0L);
                rows.append("<td class=\"n\">")
                        .append(ms == 0 ? "" : seconds(ms / 1000.0))
                        .append("</td>");
                if (ms > 0 && wall > 0) {
                    bar.append("<div class=\"p-").append(phase.key()).append("\" style=\"width:");
                    GanttChart.decimal(bar, 100 * ms / 1000.0 / wall).append("%\"></div>");
                }
            }
            rows.append("<td class=\"n\">")
                    .append(Math.round(w.utilisation() * 100))
                    .append("%</td><td>")
                    .append(bar)
                    .append("</div></td><td>")
                    .append(escape(w.lostReason()))
                    .append("</td></tr>");
        }
        return rows.toString();
    }

    private static String slowestClasses(RunTimeline run) {
        StringBuilder rows = new StringBuilder();
        for (ClassTime c :
                run.classes().subList(0, Math.min(SLOWEST, run.classes().size()))) {
            rows.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%.3f</td></tr>",
                    escape(c.className()),
                    c.tests(),
                    c.seconds()));
        }
        return rows.toString();
    }

    /** The tests whose last run failed or erred, then those that passed on a rerun, each outcome in its colour. */
    private static String failures(RunTimeline run) {
        if (run.failures().isEmpty() && run.flakes().isEmpty()) {
            return "<p>None.</p>";
        }
        StringBuilder rows =
                new StringBuilder("<table><tr><th></th><th>test</th><th>outcome</th><th>message</th></tr>");
        for (FailedTest f : run.failures()) {
            failure(rows, f, f.status().equals("FAILED") ? "failed" : "error");
        }
        for (FailedTest f : run.flakes()) {
            failure(rows, f, "flaky");
        }
        return rows.append("</table>").toString();
    }

    private static void failure(StringBuilder rows, FailedTest f, String cls) {
        rows.append("<tr><td>")
                .append(swatch(cls, ""))
                .append("</td><td>")
                .append(escape(f.className() + " " + f.name()))
                .append("</td><td>")
                .append(cls.equals("flaky") ? "FLAKY (passed on a rerun)" : escape(f.status()))
                .append("</td><td><pre>")
                .append(escape(f.type()))
                .append(f.message().isEmpty() ? "" : ": " + escape(f.message()))
                .append("</pre></td></tr>");
    }

    private static String row(String label, String html) {
        return "<tr><th>" + label + "</th><td>" + html + "</td></tr>";
    }

    static String seconds(double seconds) {
        return seconds < 0
                ? String.format(Locale.ROOT, "%.1f s", seconds)
                : GanttChart.decimal(new StringBuilder(), seconds).append(" s").toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
