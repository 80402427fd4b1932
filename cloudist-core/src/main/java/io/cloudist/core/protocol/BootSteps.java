package io.cloudist.core.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a cloud worker's instance came up, as its boot script timed it (the instance's clock, epoch millis): when the
 * script began, what it did before it started the agents, and when it started them. The agent is told with {@code
 * --boot-steps} and says it in its heartbeat and in its results, so that the run's timeline can show an instance's
 * boot, its image pull (or Java install and jars), and its agent's start apart. Local workers have {@link #NONE}.
 *
 * @param bootMillis when the boot script began: the instance launched and its system up; 0 when not recorded
 * @param steps what the script did next, in order: {@code pull} (the worker image), or {@code java} (a JDK installed
 *     when missing) and {@code jars} (the worker's jars fetched and checked)
 * @param agentsMillis when the script started the agents; 0 when not recorded
 */
public record BootSteps(long bootMillis, List<Step> steps, long agentsMillis) {
    /** Nothing recorded: a local worker, or an instance of a cloudist that did not time its boot. */
    public static final BootSteps NONE = new BootSteps(0, List.of(), 0);

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern PART = Pattern.compile("([a-z][a-z0-9-]{0,31})=(\\d{1,15})(?:-(\\d{1,15}))?");
    private static final int MAX_STEPS = 16;

    public BootSteps {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * One step of the boot script.
     *
     * @param name what it did ({@code pull}, {@code java}, {@code jars})
     * @param fromMillis when it began
     * @param toMillis when it ended
     */
    public record Step(String name, long fromMillis, long toMillis) {
        public Step {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches() || fromMillis <= 0 || toMillis < fromMillis) {
                throw new IllegalArgumentException(
                        "Not a boot step: " + name + " from " + fromMillis + " to " + toMillis);
            }
        }

        /** How long it took. */
        public long millis() {
            return toMillis - fromMillis;
        }
    }

    /** Whether the boot was timed. */
    public boolean recorded() {
        return bootMillis > 0;
    }

    /** When the steps were done: the last step's end, else the boot's start; 0 when not recorded. */
    public long readyMillis() {
        return steps.isEmpty() ? bootMillis : steps.get(steps.size() - 1).toMillis();
    }

    /**
     * Parses the boot script's {@code boot=MS,pull=FROM-TO,agents=MS} (steps in their order, any names).
     *
     * @throws IllegalArgumentException when {@code text} is not of that form, or its moments are out of order
     */
    public static BootSteps parse(String text) {
        long boot = 0;
        long agents = 0;
        List<Step> steps = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a boot step: '" + part + "' in '" + text + "'");
            }
            String name = m.group(1);
            long from = Long.parseLong(m.group(2));
            boolean interval = m.group(3) != null;
            if (name.equals("boot") && !interval && boot == 0 && steps.isEmpty()) {
                boot = from;
            } else if (name.equals("agents") && !interval && agents == 0) {
                agents = from;
            } else if (interval && boot > 0 && agents == 0 && steps.size() < MAX_STEPS) {
                Step step = new Step(name, from, Long.parseLong(m.group(3)));
                long previous =
                        steps.isEmpty() ? boot : steps.get(steps.size() - 1).toMillis();
                if (step.fromMillis() < previous) {
                    throw new IllegalArgumentException(
                            "Boot step " + name + " begins before the one it follows: " + text);
                }
                steps.add(step);
            } else {
                throw new IllegalArgumentException("Boot steps begin with boot=MS, then NAME=FROM-TO, then agents=MS"
                        + " (at most " + MAX_STEPS + " steps): '" + text + "'");
            }
        }
        BootSteps parsed = new BootSteps(boot, steps, agents);
        if (boot == 0 || agents == 0 || agents < parsed.readyMillis()) {
            throw new IllegalArgumentException("Boot steps need boot=MS first and agents=MS last, in order: " + text);
        }
        return parsed;
    }

    /** The form {@link #parse} reads. */
    public String format() {
        StringBuilder text = new StringBuilder("boot=").append(bootMillis);
        for (Step s : steps) {
            text.append(',')
                    .append(s.name())
                    .append('=')
                    .append(s.fromMillis())
                    .append('-')
                    .append(s.toMillis());
        }
        return text.append(",agents=").append(agentsMillis).toString();
    }
}
