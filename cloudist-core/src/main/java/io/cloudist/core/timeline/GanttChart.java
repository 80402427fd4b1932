package io.cloudist.core.timeline;

import static io.cloudist.core.timeline.HtmlReport.escape;

import io.cloudist.core.timeline.RunTimeline.PhaseSpan;
import io.cloudist.core.timeline.RunTimeline.TaskSpan;
import io.cloudist.core.timeline.RunTimeline.Worker;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report's chart of workers over time, as inline SVG: a row for the coordinator's own phases, then a row per
 * worker from its start to its end, each phase a bar in its colour (waiting is the thin line between bars). A bar of
 * running tests is coloured by its task's outcome and names the task's classes where the text fits; the tasks of the
 * critical path are outlined. A stretch narrower than half a pixel is not drawn (it still counts in every figure), so
 * that a run of a thousand workers stays a page a browser draws at once; the bars are written with plain appends, not
 * {@code String.format}, which would take most of the report's time at that size.
 */
final class GanttChart {
    static final int LABEL = 160;
    static final int WIDTH = 960;
    private static final int ROW = 24;
    private static final double MIN_WIDTH = 0.5;
    /** The width of a character of the bars' 10 px labels, a little over the average so that the text fits. */
    private static final double CHAR_WIDTH = 6.0;

    private final RunTimeline run;
    private final long origin;
    private final double span;
    private final StringBuilder svg = new StringBuilder();

    private GanttChart(RunTimeline run) {
        this.run = run;
        this.origin = run.startMillis();
        long end = run.endMillis();
        for (Worker w : run.workers()) {
            end = Math.max(end, w.endMillis());
        }
        this.span = Math.max(1, end - origin);
    }

    static String render(RunTimeline run) {
        return new GanttChart(run).draw();
    }

    private String draw() {
        boolean coordinatorRow = !run.coordinator().isEmpty();
        int rows = run.workers().size() + (coordinatorRow ? 1 : 0);
        int height = ROW * rows + 20;
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\" width=\"%d\" height=\"%d\">",
                LABEL + WIDTH + 50,
                height));
        ticks(height);
        int row = 0;
        if (coordinatorRow) {
            label(row, "coordinator");
            for (PhaseSpan p : run.coordinator()) {
                bar(p.fromMillis(), p.toMillis(), row, "p-" + p.phase().key(), "coordinator: " + phaseTitle(p));
            }
            row++;
        }
        Set<String> critical = new HashSet<>(run.criticalPath().taskIds());
        for (Worker w : run.workers()) {
            worker(w, row++, w.id().equals(run.criticalPath().workerId()) ? critical : Set.of());
        }
        return svg.append("</svg>").toString();
    }

    private void ticks(int height) {
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
    }

    private void label(int row, String text) {
        svg.append("<text x=\"0\" y=\"")
                .append(row * ROW + 15)
                .append("\">")
                .append(escape(text))
                .append("</text>");
    }

    private void worker(Worker w, int row, Set<String> critical) {
        label(row, w.id());
        long from = w.phases().isEmpty() ? w.startedMillis() : w.phases().get(0).fromMillis();
        long to = w.phases().isEmpty()
                ? w.endMillis()
                : w.phases().get(w.phases().size() - 1).toMillis();
        rect("life", x(from), row * ROW + 10, Math.max(1, (to - from) / span * WIDTH), 2);
        svg.append("<title>worker ")
                .append(escape(w.id()))
                .append(w.lostReason().isEmpty() ? "" : " lost: " + escape(w.lostReason()))
                .append("</title></rect>");
        Map<String, TaskSpan> tasks = new HashMap<>();
        w.tasks().forEach(t -> tasks.putIfAbsent(t.taskId(), t));
        for (PhaseSpan p : w.phases()) {
            TaskSpan task = tasks.get(p.taskId());
            if (p.phase() == Phase.WAITING) {
                continue; // the worker's line shows it
            }
            if (p.phase() == Phase.RUNNING && task != null) {
                running(p, task, row, critical.contains(task.taskId()));
            } else if (p.phase() == Phase.LOST) {
                bar(p.fromMillis(), p.toMillis(), row, "p-lost", "worker " + w.id() + " lost: " + w.lostReason());
            } else {
                bar(
                        p.fromMillis(),
                        p.toMillis(),
                        row,
                        "p-" + p.phase().key(),
                        "worker " + w.id() + ": " + phaseTitle(p));
            }
        }
    }

    private void running(PhaseSpan p, TaskSpan task, int row, boolean critical) {
        double width = (p.toMillis() - p.fromMillis()) / span * WIDTH;
        if (width < MIN_WIDTH) {
            return;
        }
        double x = x(p.fromMillis());
        int y = row * ROW + 3;
        rect(task.outcome() + (critical ? " critical" : ""), x, y, width, 16);
        svg.append("<title>")
                .append(task.module().isEmpty() ? "" : escape(task.module()) + " ")
                .append(escape(task.taskId()))
                .append(" (attempt ")
                .append(task.attempt())
                .append(") ")
                .append(task.outcome())
                .append(": ")
                .append(HtmlReport.seconds(task.seconds()))
                .append(" — ")
                .append(escape(String.join(", ", task.classes())))
                .append("</title></rect>");
        String colour = HtmlReport.moduleColour(run, task.module());
        if (!colour.isEmpty()) {
            svg.append("<rect x=\"");
            decimal(svg, x).append("\" y=\"").append(y + 13).append("\" width=\"");
            decimal(svg, width)
                    .append("\" height=\"3\" style=\"fill:")
                    .append(colour)
                    .append("\"/>");
        }
        String text = fitted(simpleNames(task.classes()), width - 4);
        if (!text.isEmpty()) {
            svg.append("<text class=\"l\" x=\"");
            decimal(svg, x + 2)
                    .append("\" y=\"")
                    .append(y + 11)
                    .append("\">")
                    .append(escape(text))
                    .append("</text>");
        }
    }

    /** Opens a {@code <rect>} (its title and end follow). */
    private void rect(String cls, double x, int y, double width, int height) {
        svg.append("<rect class=\"").append(cls).append("\" x=\"");
        decimal(svg, x).append("\" y=\"").append(y).append("\" width=\"");
        decimal(svg, width).append("\" height=\"").append(height).append("\">");
    }

    /** Appends a non-negative number with one decimal, as {@code %.1f} in {@link Locale#ROOT} would. */
    static StringBuilder decimal(StringBuilder out, double value) {
        long tenths = Math.round(value * 10);
        return out.append(tenths / 10).append('.').append(tenths % 10);
    }

    private void bar(long from, long to, int row, String cls, String title) {
        double width = (to - from) / span * WIDTH;
        if (width < MIN_WIDTH) {
            return;
        }
        rect(cls, x(from), row * ROW + 3, width, 16);
        svg.append("<title>").append(escape(title)).append("</title></rect>");
    }

    private static String phaseTitle(PhaseSpan p) {
        return p.phase().label() + " " + HtmlReport.seconds(p.seconds())
                + (p.taskId().isEmpty() ? "" : " (" + p.taskId() + ")");
    }

    /** The classes' names without their packages, in order. */
    static String simpleNames(List<String> classes) {
        StringBuilder names = new StringBuilder();
        for (String c : classes) {
            names.append(names.length() == 0 ? "" : ", ").append(c.substring(c.lastIndexOf('.') + 1));
        }
        return names.toString();
    }

    /** The text, cut to what fits in {@code width} pixels with an ellipsis; "" when not even a few letters fit. */
    static String fitted(String text, double width) {
        int chars = (int) (width / CHAR_WIDTH);
        if (chars >= text.length()) {
            return text;
        }
        return chars < 4 ? "" : text.substring(0, chars - 1) + "…";
    }

    private double x(long millis) {
        return LABEL + Math.max(0, millis - origin) / span * WIDTH;
    }
}
