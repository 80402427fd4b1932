package io.cloudist.core.jvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of a test JVM's settings may be stored (in the run's manifest, on a command line) and what may not: system
 * properties, {@code -D} options of the argLine and environment variables that look secret ({@link Secrets}) and
 * that the user did not allow by name. Local workers get the withheld ones through files only their user reads;
 * workers elsewhere do not get them.
 *
 * @param jvmArguments the argLine's arguments that may be stored
 * @param systemProperties the system properties that may be stored
 * @param environment the environment variables that may be stored
 * @param withheldProperties system properties (from either) that may not be stored
 * @param withheldEnvironment environment variables that may not be stored
 */
public record TestJvmSecrets(
        List<String> jvmArguments,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        Map<String, String> withheldProperties,
        Map<String, String> withheldEnvironment) {
    public TestJvmSecrets {
        jvmArguments = List.copyOf(jvmArguments);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        withheldProperties = Map.copyOf(withheldProperties);
        withheldEnvironment = Map.copyOf(withheldEnvironment);
    }

    /** @param allowed names whose values may be stored although they look secret */
    public static TestJvmSecrets of(TestJvmSpec jvm, Set<String> allowed) {
        List<String> arguments = new ArrayList<>();
        Map<String, String> argLineProperties = new LinkedHashMap<>();
        for (String argument : ArgLine.split(jvm.argLine())) {
            int equals = argument.indexOf('=');
            if (argument.startsWith("-D") && equals > 2) {
                String name = argument.substring(2, equals);
                String value = argument.substring(equals + 1);
                if (Secrets.looksSecret(name, value) && !allowed.contains(name)) {
                    argLineProperties.put(name, value);
                    continue;
                }
            }
            arguments.add(argument);
        }
        Secrets.Split properties = Secrets.split(jvm.systemProperties(), allowed);
        Secrets.Split environment = Secrets.split(jvm.environment(), allowed);
        Map<String, String> withheld = new LinkedHashMap<>(argLineProperties);
        withheld.putAll(properties.withheld());
        return new TestJvmSecrets(
                arguments, properties.stored(), environment.stored(), withheld, environment.withheld());
    }

    /** The names of what is withheld, for a warning: never the values. */
    public List<String> withheldNames() {
        List<String> names = new ArrayList<>();
        withheldProperties.keySet().stream().sorted().forEach(n -> names.add("-D" + n));
        withheldEnvironment.keySet().stream().sorted().forEach(n -> names.add("$" + n));
        return names;
    }
}
