package io.cloudist.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A warning for each Surefire parameter that a build sets and cloudist cannot honour
 * ({@link SurefireParameters.Treatment#WARNED}), naming it and what to do instead. Some warn only for a value that
 * makes a difference: {@code useSystemClassLoader=false}, {@code printSummary=false}, a {@code reportFormat} other
 * than brief, {@code useModulePath} on a module with a module descriptor.
 */
final class SurefireWarnings {
    private static final Map<String, Predicate<String>> WHEN = Map.of(
            "useSystemClassLoader", "false"::equalsIgnoreCase,
            "printSummary", "false"::equalsIgnoreCase,
            "disableXmlReport", "true"::equalsIgnoreCase,
            "reportFormat", v -> !v.isBlank() && !v.equalsIgnoreCase("brief"),
            "parallel", v -> !v.isBlank() && !v.equalsIgnoreCase("none"));

    private SurefireWarnings() {}

    static List<String> of(ParameterSources sources, ProjectLayout layout, List<Path> classesDirectories) {
        List<String> warnings = new ArrayList<>();
        for (SurefireParameters.Entry entry : SurefireParameters.ALL) {
            if (entry.treatment() != SurefireParameters.Treatment.WARNED) {
                continue;
            }
            Optional<String> value = sources.surefireValue(entry.name(), entry.property());
            boolean warn = entry.name().equals("useModulePath")
                    ? !value.map("false"::equalsIgnoreCase).orElse(false) && hasModuleDescriptor(classesDirectories)
                    : value.isPresent()
                            && WHEN.getOrDefault(entry.name(), v -> true)
                                    .test(value.get().trim());
            if (warn) {
                warnings.add(message(entry, value.orElse("true")));
            }
        }
        sources.map("properties").keySet().stream()
                .filter(key -> !key.equals(ConfigurationParameters.ELEMENT))
                .forEach(key -> warnings.add("cloudist: Surefire's <properties><" + key + "> is not honoured: only"
                        + " <configurationParameters> reaches the JUnit Platform (a JUnit 4 listener or a TestNG"
                        + " setting is not applied)."));
        return warnings;
    }

    private static String message(SurefireParameters.Entry entry, String value) {
        String where = "<" + entry.name() + ">" + (entry.property().isEmpty() ? "" : " (-D" + entry.property() + ")");
        String shown = value.length() > 40 || value.isBlank()
                ? ""
                : " " + value.toLowerCase(Locale.ROOT).trim();
        return "cloudist: Surefire's " + where + shown + " is not honoured: " + entry.note();
    }

    private static boolean hasModuleDescriptor(List<Path> classesDirectories) {
        return classesDirectories.stream().anyMatch(d -> Files.isRegularFile(d.resolve("module-info.class")));
    }
}
