package io.cloudist.core.select;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Surefire's test filter syntax, as used by {@code -Dtest} and by {@code includes}/{@code excludes}: a comma-separated
 * list of {@code Class}, {@code pkg.Class}, {@code pkg/**}{@code /Cl*ss}, {@code Class#method}, {@code Class#meth*},
 * {@code Class#a+b}, {@code #method} (any class), {@code %regex[classRegex#methodRegex]}, each optionally prefixed
 * with {@code !} to exclude. Class patterns match class file paths ({@code pkg/FooTest.class}), so a regex is written
 * against that path; {@code *} and {@code ?} stay within one path name, {@code **} spans directories.
 *
 * <p>A test runs when some include matches (or there is none) and no exclusion matches. When only a class is asked
 * about, an exclusion that names methods ({@code !Class#method}) does not exclude the class.
 */
public final class TestSpec {
    private static final String REGEX_PREFIX = "%regex[";
    private static final String REGEX_SUFFIX = "]";

    private final List<TestPattern> includes;
    private final List<TestPattern> excludes;

    private TestSpec(List<TestPattern> includes, List<TestPattern> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** Parses Surefire's {@code test} parameter; blank means no filter. */
    public static TestSpec parse(String test) {
        TestSpec spec = new TestSpec(List.of(), List.of());
        return spec.with(test == null ? "" : test, false, CloudistProperties.TEST);
    }

    /** Include and exclude patterns (entries may themselves be comma-separated), as Surefire merges them. */
    public static TestSpec of(List<String> includes, List<String> excludes) {
        TestSpec spec = new TestSpec(List.of(), List.of());
        for (String include : includes) {
            spec = spec.with(include, false, "includes");
        }
        for (String exclude : excludes) {
            if (exclude.contains("!")) {
                throw new ConfigurationException(
                        "excludes", exclude, "write exclude patterns without '!'; they exclude already");
            }
            spec = spec.with(exclude, true, "excludes");
        }
        return spec;
    }

    /** True when no pattern was given: everything matches. */
    public boolean isEmpty() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /** True when some pattern names methods, so discovered methods must be filtered. */
    public boolean hasMethodPatterns() {
        return includes.stream().anyMatch(TestPattern::hasMethodPattern)
                || excludes.stream().anyMatch(TestPattern::hasMethodPattern);
    }

    /** Whether a class, given by its binary name ({@code pkg.Outer$Inner}), is selected. */
    public boolean matchesClass(String className) {
        return matchesClassFile(toClassFile(className));
    }

    /** Whether a discovered test method of {@code className} (its binary name) is selected. */
    public boolean matchesMethod(String className, String methodName) {
        return shouldRun(toClassFile(className), methodName);
    }

    boolean matchesClassFile(String classFile) {
        return shouldRun(classFile, null);
    }

    private boolean shouldRun(String classFile, String methodName) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.includes(classFile, methodName));
        return included && excludes.stream().noneMatch(p -> p.excludes(classFile, methodName));
    }

    private TestSpec with(String csv, boolean exclude, String parameter) {
        List<TestPattern> newIncludes = new ArrayList<>(includes);
        List<TestPattern> newExcludes = new ArrayList<>(excludes);
        for (String entry : csv.split(",")) {
            String request = entry.trim();
            if (request.isEmpty() || request.equals("!")) {
                continue;
            }
            boolean excluded = exclude || request.startsWith("!");
            String body = request.startsWith("!") ? request.substring(1) : request;
            for (TestPattern pattern : resolve(body, request, parameter)) {
                (excluded ? newExcludes : newIncludes).add(pattern);
            }
        }
        return new TestSpec(newIncludes, newExcludes);
    }

    private static List<TestPattern> resolve(String body, String request, String parameter) {
        List<TestPattern> patterns = new ArrayList<>();
        if (body.contains(REGEX_PREFIX)) {
            patterns.add(regex(body, request, parameter));
        } else {
            int hash = body.indexOf('#');
            if (hash < 0) {
                patterns.add(TestPattern.plain(body, null));
            } else {
                for (String method : body.substring(hash + 1).split("\\+")) {
                    if (!method.isEmpty()) {
                        patterns.add(TestPattern.plain(body.substring(0, hash), method));
                    }
                }
            }
        }
        patterns.removeIf(TestPattern::isEmpty);
        return patterns;
    }

    private static TestPattern regex(String body, String request, String parameter) {
        String fix = "write %regex[classRegex#methodRegex] (optionally prefixed with !) with at most one '#'";
        String trimmed = body.trim();
        boolean wellFormed = trimmed.startsWith(REGEX_PREFIX)
                && trimmed.endsWith(REGEX_SUFFIX)
                && trimmed.length() > REGEX_PREFIX.length() + REGEX_SUFFIX.length()
                && trimmed.indexOf(REGEX_PREFIX, REGEX_PREFIX.length()) < 0;
        if (!wellFormed) {
            throw new ConfigurationException(parameter, request, fix);
        }
        String inner = trimmed.substring(REGEX_PREFIX.length(), trimmed.length() - REGEX_SUFFIX.length());
        int hash = inner.indexOf('#');
        String classPart = hash < 0 ? inner : inner.substring(0, hash);
        String methodPart = hash < 0 ? "" : inner.substring(hash + 1);
        if (methodPart.contains("#")) {
            throw new ConfigurationException(parameter, request, fix);
        }
        try {
            return TestPattern.regex(classPart, methodPart);
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException(
                    parameter, request, "fix the regular expression (" + e.getDescription() + ")");
        }
    }

    private static String toClassFile(String className) {
        return className.replace('.', '/') + ".class";
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        includes.forEach(p -> parts.add(p.toString()));
        excludes.forEach(p -> parts.add("!" + p));
        return String.join(", ", parts);
    }
}
