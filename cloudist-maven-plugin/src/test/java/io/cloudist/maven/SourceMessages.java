package io.cloudist.maven;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text of cloudist's main sources (and, as they are, the shell scripts among their resources) with each string
 * concatenation's literal parts joined: {@code "a " +
 * CONSTANT + " b"} reads {@code "a <constant's value> b"}, while a variable between two literals stays a gap. A
 * message quoted with placeholders for its variable parts can then be found piece by piece. A parameter's name from
 * its {@link CloudistParameters} constant ({@code STORE.option()}, {@code .displayName()}, {@code .property()}) reads
 * as that name.
 */
final class SourceMessages {
    private static final Pattern CONSTANT =
            Pattern.compile("static final String (\\w+)\\s*=\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"|[\\w.]+|\\s|\\+)+);");
    private static final Pattern STATIC_IMPORT = Pattern.compile("import static [\\w.]*?\\.(\\w+)\\.(\\w+);");
    /** A string literal, kept as it is, or a reference to a constant outside one. */
    private static final Pattern LITERAL_OR_REFERENCE =
            Pattern.compile("(\"(?:[^\"\\\\\n]|\\\\.)*\")|(?<![\\w.])((?:[A-Z]\\w*\\.)?[A-Z][A-Z0-9_]+)\\b");

    private static final Pattern JOIN = Pattern.compile("\"\\s*\\+\\s*\"");
    /** A name from a {@link CloudistParameters} constant: {@code STORE.option()}, {@code STORE.displayName()}... */
    private static final Pattern PARAMETER_NAME = Pattern.compile(
            "(?<![\\w.])((?:CloudistParameters\\.)?[A-Z][A-Z0-9_]+)\\.(option|displayName|property)\\(\\)");

    private final String text;

    private SourceMessages(String text) {
        this.text = text;
    }

    /** The main Java sources of every {@code cloudist-*} module under {@code root}. */
    static SourceMessages of(Path root) {
        List<Path> files;
        try (Stream<Path> modules = Files.list(root)) {
            files = modules.filter(m -> m.getFileName().toString().startsWith("cloudist-"))
                    .map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(dir -> files(dir, ".java"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Source> sources = files.stream()
                .map(f -> new Source(f.getFileName().toString().replace(".java", ""), read(f)))
                .toList();
        Map<String, String> constants = constants(sources);
        StringBuilder all = new StringBuilder();
        sources.forEach(s -> all.append(inline(s.type(), s.text(), constants)).append('\n'));
        String java = JOIN.matcher(all).replaceAll("").replace("\\\"", "\"");
        // Shell scripts that instances run write their own lines (an instance's boot log): taken as they are.
        StringBuilder scripts = new StringBuilder();
        try (Stream<Path> modules = Files.list(root)) {
            modules.filter(m -> m.getFileName().toString().startsWith("cloudist-"))
                    .map(m -> m.resolve("src/main/resources"))
                    .filter(Files::isDirectory)
                    .flatMap(dir -> files(dir, ".sh"))
                    .forEach(script -> scripts.append(read(script)).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceMessages(java + "\n" + scripts);
    }

    /** Whether every literal piece of {@code quoted} (its parts between {@code {placeholders}}) is in the sources. */
    List<String> missingPieces(String quoted) {
        return Stream.of(quoted.split("\\{[A-Za-z ]+}"))
                .filter(piece -> !piece.isBlank())
                .filter(piece -> !text.contains(piece))
                .toList();
    }

    /** Constants as {@code Type.NAME}, resolved through other constants they are built from. */
    private static Map<String, String> constants(List<Source> sources) {
        Map<String, String> resolved = new HashMap<>();
        for (int pass = 0; pass < 4; pass++) {
            for (Source source : sources) {
                Matcher m = CONSTANT.matcher(source.text());
                while (m.find()) {
                    String value = evaluate(source.type(), source.text(), m.group(2), resolved);
                    if (value != null) {
                        resolved.put(source.type() + "." + m.group(1), value);
                    }
                }
            }
        }
        return resolved;
    }

    /** One source file: its type's simple name (two files may share one) and its text. */
    private record Source(String type, String text) {}

    private static String evaluate(String type, String source, String expression, Map<String, String> constants) {
        StringBuilder value = new StringBuilder();
        for (String part : expression.split("\\+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String token = part.trim();
            if (token.startsWith("\"") && token.endsWith("\"") && token.length() >= 2) {
                value.append(token, 1, token.length() - 1);
            } else {
                String constant = constants.get(qualify(type, source, token));
                if (constant == null) {
                    return null;
                }
                value.append(constant);
            }
        }
        return value.toString();
    }

    private static String inline(String type, String source, Map<String, String> constants) {
        String named = PARAMETER_NAME.matcher(source).replaceAll(r -> {
            String reference = qualify(type, source, r.group(1));
            Parameter parameter = reference.startsWith("CloudistParameters.")
                    ? parameter(reference.substring("CloudistParameters.".length()))
                    : null;
            if (parameter == null) {
                return Matcher.quoteReplacement(r.group());
            }
            String name = switch (r.group(2)) {
                case "option" -> parameter.option();
                case "displayName" -> parameter.displayName();
                default -> parameter.property();
            };
            return Matcher.quoteReplacement("\"" + name + "\"");
        });
        return LITERAL_OR_REFERENCE.matcher(named).replaceAll(r -> {
            if (r.group(1) != null) {
                return Matcher.quoteReplacement(r.group(1));
            }
            String value = constants.get(qualify(type, source, r.group(2)));
            return Matcher.quoteReplacement(value == null ? r.group(2) : "\"" + value + "\"");
        });
    }

    /** The {@link CloudistParameters} constant of that field name, or null. */
    private static Parameter parameter(String field) {
        try {
            return CloudistParameters.class.getField(field).get(null) instanceof Parameter p ? p : null;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    /** {@code Type.NAME} for a reference as written in {@code type}'s source: qualified, its own, or imported. */
    private static String qualify(String type, String source, String reference) {
        if (reference.contains(".")) {
            return reference;
        }
        Matcher imports = STATIC_IMPORT.matcher(source);
        while (imports.find()) {
            if (imports.group(2).equals(reference)) {
                return imports.group(1) + "." + reference;
            }
        }
        return type + "." + reference;
    }

    private static Stream<Path> files(Path directory, String suffix) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
