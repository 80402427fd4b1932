package io.cloudist.core.select;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One resolved entry of Surefire's {@code test}, {@code includes} or {@code excludes}: a class pattern, a method
 * pattern, or both. Class patterns match class file paths ({@code pkg/FooTest.class}); plain ones are normalised the
 * way Surefire does it: {@code .java} becomes {@code .class}, dotted names become paths, and {@code **}{@code /} is
 * prefixed.
 */
final class TestPattern {
    private static final String CLASS_SUFFIX = ".class";
    private static final String JAVA_SUFFIX = ".java";
    private static final String ANY_SUFFIX = ".*";
    private static final String ANY_DIRECTORY = "**/";

    private final String classPattern;
    private final String methodPattern;
    private final Pattern classRegex;
    private final Pattern methodRegex;

    private TestPattern(String classPattern, String methodPattern, Pattern classRegex, Pattern methodRegex) {
        this.classPattern = classPattern;
        this.methodPattern = methodPattern;
        this.classRegex = classRegex;
        this.methodRegex = methodRegex;
    }

    /** A plain (wildcard) pattern; either part may be blank. */
    static TestPattern plain(String classPart, String methodPart) {
        return new TestPattern(normaliseClass(blankToNull(classPart)), blankToNull(methodPart), null, null);
    }

    /** A {@code %regex[...]} pattern, already unwrapped; either part may be blank. */
    static TestPattern regex(String classPart, String methodPart) throws PatternSyntaxException {
        String classRegex = blankToNull(classPart);
        String methodRegex = blankToNull(methodPart);
        return new TestPattern(
                classRegex,
                methodRegex,
                classRegex == null ? null : Pattern.compile(classRegex),
                methodRegex == null ? null : Pattern.compile(methodRegex));
    }

    boolean isEmpty() {
        return classPattern == null && methodPattern == null;
    }

    boolean hasMethodPattern() {
        return methodPattern != null;
    }

    /** As an include: a class file with no method name matches whenever the class part does. */
    boolean includes(String classFile, String methodName) {
        return matchesClass(classFile) && (methodName == null || matchesMethod(methodName));
    }

    /**
     * As an exclusion: a class alone is excluded only by a pattern without a method part; a method is excluded when
     * both given parts match.
     */
    boolean excludes(String classFile, String methodName) {
        if (methodName == null) {
            return methodPattern == null && matchesClass(classFile);
        }
        return matchesClass(classFile) && matchesMethod(methodName);
    }

    private boolean matchesClass(String classFile) {
        if (classPattern == null) {
            return true;
        }
        if (classRegex != null) {
            return classRegex.matcher(classFile).matches();
        }
        if (classPattern.endsWith(ANY_SUFFIX) || classPattern.endsWith(CLASS_SUFFIX)) {
            return PathPattern.matches(classPattern, classFile);
        }
        return PathPattern.matches(classPattern + CLASS_SUFFIX, classFile)
                || PathPattern.matches(classPattern, classFile);
    }

    private boolean matchesMethod(String methodName) {
        if (methodPattern == null) {
            return true;
        }
        return methodRegex != null
                ? methodRegex.matcher(methodName).matches()
                : PathPattern.matchesName(methodPattern, methodName);
    }

    private static String normaliseClass(String pattern) {
        if (pattern == null) {
            return null;
        }
        String path = pattern.endsWith(JAVA_SUFFIX)
                ? pattern.substring(0, pattern.length() - JAVA_SUFFIX.length()) + CLASS_SUFFIX
                : pattern;
        path = dotsToSlashes(path);
        return path.startsWith(ANY_DIRECTORY) ? path : ANY_DIRECTORY + path;
    }

    private static String dotsToSlashes(String path) {
        if (path.endsWith(CLASS_SUFFIX)) {
            return path.substring(0, path.length() - CLASS_SUFFIX.length()).replace('.', '/') + CLASS_SUFFIX;
        }
        if (path.contains("/")) {
            return path;
        }
        if (path.endsWith(ANY_SUFFIX)) {
            String stem = path.substring(0, path.length() - ANY_SUFFIX.length());
            return stem.contains(".") ? stem.replace('.', '/') + ANY_SUFFIX : path;
        }
        return path.replace('.', '/');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        String method = methodPattern == null ? "" : "#" + methodPattern;
        String text = (classPattern == null ? "" : classPattern) + method;
        return classRegex != null || methodRegex != null ? "%regex[" + text + "]" : text;
    }
}
