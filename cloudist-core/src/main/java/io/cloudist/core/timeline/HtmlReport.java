package io.cloudist.core.timeline;

import io.cloudist.core.timeline.RunTimeline.ClassTime;
import io.cloudist.core.timeline.RunTimeline.FailedTest;
import io.cloudist.core.timeline.RunTimeline.TaskSpan;
import io.cloudist.core.timeline.RunTimeline.Totals;
import io.cloudist.core.timeline.RunTimeline.Worker;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code target/cloudist/report.html}: a run timeline as one self-contained page — inline CSS and SVG, no script, no
 * font or link to fetch. A pure function of the {@link RunTimeline}; every text from the run is escaped.
 */
public final class HtmlReport {
    private static final int LABEL = 160;
    private static final int WIDTH = 960;
    private static final int ROW = 24;
    private static final int SLOWEST = 20;

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>cloudist run %s</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
            h1{font-size:20px}h2{font-size:16px;margin-top:28px}
            table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left;border-bottom:1px solid #eee}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .bar{background:#eee;width:240px;height:12px}.bar div{background:#4a78c2;height:12px}
            pre{white-space:pre-wrap;margin:0;font-size:12px}
            svg text{font-size:11px;font-family:system-ui,sans-serif}
            .passed{fill:#5cb85c}.failed{fill:#d9534f}.lost{fill:#bbb}.critical{stroke:#222;stroke-width:2}
            </style></head><body>
            <h1>cloudist run %s</h1>
            <h2>Summary</h2>
            <table>%s</table>
            <h2>Workers over time</h2>
            <p>One row per worker, one bar per task: green passed, red a test failed, grey lost with its worker.
            Outlined: the critical path. Hover a bar for its task.</p>
            %s
            %s
            <h2>Utilisation</h2>
            <table><tr><th>worker</th><th>busy</th><th colspan="2">busy ÷ makespan</th><th>lost</th></tr>%s</table>
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
                summary(run),
                gantt(run),
                modules(run),
                utilisation(run),
                slowestClasses(run),
                failures(run));
    }

    private static String summary(RunTimeline run) {
        Totals t = run.totals();
        return row("backend", escape(run.backend()) + ", " + t.workerSlots() + " workers")
                + row(
                        "tests",
                        String.format(
                                Locale.ROOT,
                                "%d run, %d failures, %d errors, %d skipped",
                                t.tests(),
                                t.failures(),
                                t.errors(),
                                t.skipped()))
                + row("wall time", seconds(t.wallSeconds()))
                + row("makespan (first assignment to last result)", seconds(t.makespanSeconds()))
                + row("lower bound (max of test time ÷ workers, longest class)", seconds(t.lowerBoundSeconds()))
                + row("makespan ÷ lower bound", String.format(Locale.ROOT, "%.2f", t.makespanOverLowerBound()))
                + row(
                        "per-task overhead (result written → next first test)",
                        String.format(
                                Locale.ROOT,
                                "median %d ms, p90 %d ms over %d tasks",
                                run.overhead().medianMillis(),
                                run.overhead().p90Millis(),
                                run.overhead().samples()))
                + row(
                        "critical path",
                        run.criticalPath().workerId().isEmpty()
                                ? "none"
                                : "worker " + escape(run.criticalPath().workerId()) + ": "
                                        + escape(String.join(
                                                " → ", run.criticalPath().taskIds()))
                                        + "; longest task "
                                        + escape(run.criticalPath().longestTaskId()) + " ("
                                        + seconds(run.criticalPath().longestTaskSeconds()) + ")");
    }

    private static String gantt(RunTimeline run) {
        long origin = run.startMillis();
        double span = Math.max(1, run.endMillis() - origin);
        Set<String> critical = new HashSet<>(run.criticalPath().taskIds());
        StringBuilder svg = new StringBuilder();
        int height = ROW * run.workers().size() + 20;
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
                LABEL + WIDTH + 50,
                height));
        for (int tick = 0; tick <= 10; tick++) {
            double x = LABEL + WIDTH * tick / 10.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%.1f s</text>",
                    x,
                    x,
                    height - 14,
                    x + 2,
                    height - 2,
                    span * tick / 10 / 1000));
        }
        for (int i = 0; i < run.workers().size(); i++) {
            Worker w = run.workers().get(i);
            int y = i * ROW;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 15, escape(w.id())));
            long from = w.startedMillis() > 0 ? w.startedMillis() : origin;
            long to = w.lostMillis() > 0 ? w.lostMillis() : run.endMillis();
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"2\" fill=\"#ccc\">"
                            + "<title>worker %s%s</title></rect>",
                    x(from, origin, span),
                    y + 10,
                    Math.max(1, (to - from) / span * WIDTH),
                    escape(w.id()),
                    w.lostReason().isEmpty() ? "" : " lost: " + escape(w.lostReason())));
            for (TaskSpan task : w.tasks()) {
                boolean lost = task.finishedMillis() == 0;
                long start = lost ? task.queuedMillis() : task.startedMillis();
                long end = lost ? (w.lostMillis() > 0 ? w.lostMillis() : run.endMillis()) : task.finishedMillis();
                String fill = lost || task.outcome().equals("failed") ? "" : colour(run, task.module());
                String cls = task.outcome()
                        + (!lost
                                        && critical.contains(task.taskId())
                                        && w.id().equals(run.criticalPath().workerId())
                                ? " critical"
                                : "");
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"%s\"%s x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                                + "height=\"16\"><title>%s%s (attempt %d) %s: %s — %s</title></rect>",
                        cls,
                        fill.isEmpty() ? "" : " style=\"fill:" + fill + "\"",
                        x(start, origin, span),
                        y + 3,
                        Math.max(1, (end - start) / span * WIDTH),
                        task.module().isEmpty() ? "" : escape(task.module()) + " ",
                        escape(task.taskId()),
                        task.attempt(),
                        task.outcome(),
                        seconds(task.seconds()),
                        escape(String.join(", ", task.classes()))));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Colours that tell modules apart, the first ones greens like a passed task of a module's run. */
    private static final List<String> PALETTE = List.of(
            "#5cb85c", "#4a78c2", "#e0a030", "#8e5cb8", "#2aa198", "#c25a9c", "#7a9a3a", "#b07040", "#5a6ab0",
            "#3a9ad0");

    /** A module's colour in a reactor's run, by its place in the modules' list; "" (the class's) in a module's run. */
    private static String colour(RunTimeline run, String module) {
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
        StringBuilder rows = new StringBuilder(
                "<h2>Modules</h2><table><tr><th></th><th>module</th><th>tasks</th><th>tests</th><th>seconds</th></tr>");
        for (RunTimeline.ModuleTime m : run.modules()) {
            rows.append(String.format(
                    Locale.ROOT,
                    "<tr><td><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" style=\"fill:%s\"/>"
                            + "</svg></td><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
                            + "<td class=\"n\">%.3f</td></tr>",
                    colour(run, m.module()),
                    escape(m.module()),
                    m.tasks(),
                    m.tests(),
                    m.seconds()));
        }
        return rows.append("</table>").toString();
    }

    private static String utilisation(RunTimeline run) {
        StringBuilder rows = new StringBuilder();
        for (Worker w : run.workers()) {
            rows.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%.0f%%</td>"
                            + "<td><div class=\"bar\"><div style=\"width:%.0f%%\"></div></div></td><td>%s</td></tr>",
                    escape(w.id()),
                    seconds(w.busySeconds()),
                    w.utilisation() * 100,
                    Math.min(100, w.utilisation() * 100),
                    escape(w.lostReason())));
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

    private static String failures(RunTimeline run) {
        if (run.failures().isEmpty()) {
            return "<p>None.</p>";
        }
        StringBuilder rows = new StringBuilder("<table><tr><th>test</th><th>outcome</th><th>message</th></tr>");
        for (FailedTest f : run.failures()) {
            rows.append("<tr><td>")
                    .append(escape(f.className() + " " + f.name()))
                    .append("</td><td>")
                    .append(f.status())
                    .append("</td><td><pre>")
                    .append(escape(f.type()))
                    .append(f.message().isEmpty() ? "" : ": " + escape(f.message()))
                    .append("</pre></td></tr>");
        }
        return rows.append("</table>").toString();
    }

    private static String row(String label, String html) {
        return "<tr><th>" + label + "</th><td>" + html + "</td></tr>";
    }

    private static double x(long millis, long origin, double span) {
        return LABEL + Math.max(0, millis - origin) / span * WIDTH;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
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
