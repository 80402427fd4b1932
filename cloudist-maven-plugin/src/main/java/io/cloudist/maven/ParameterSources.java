package io.cloudist.maven;

import io.cloudist.core.CloudistProperties.Parameter;
import io.cloudist.core.ConfigurationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a parameter's value comes from, highest precedence first:
 *
 * <ol>
 *   <li>a user property ({@code -Dtest=...}, {@code -Dcloudist.workers=...});
 *   <li>cloudist's own plugin configuration;
 *   <li>the module's maven-surefire-plugin configuration;
 *   <li>a project or system property of the parameter's property name (what Maven would inject);
 *   <li>the default.
 * </ol>
 *
 * Configuration values are {@code String}, {@code List<String>} or {@code Map<String, String>}, keyed by POM element.
 *
 * @param userProperties {@code -D} properties of this build
 * @param cloudist cloudist's configuration, only the elements that are set
 * @param surefire the module's Surefire configuration, only the elements that are set
 * @param fallbackProperties project properties overlaid with system properties
 */
record ParameterSources(
        Map<String, String> userProperties,
        Map<String, Object> cloudist,
        Map<String, Object> surefire,
        Map<String, String> fallbackProperties) {
    ParameterSources {
        userProperties = Map.copyOf(userProperties);
        cloudist = Map.copyOf(cloudist);
        surefire = Map.copyOf(surefire);
        fallbackProperties = Map.copyOf(fallbackProperties);
    }

    /** The same sources without the Surefire configuration ({@code useSurefireConfig=false}). */
    ParameterSources withoutSurefire() {
        return new ParameterSources(userProperties, cloudist, Map.of(), fallbackProperties);
    }

    /**
     * The value of a Surefire parameter that the build sets: its user property, or its element in Surefire's
     * configuration, or its property among the project's properties (as Maven would inject it).
     *
     * @param property its user property; "" when it has none
     */
    Optional<String> surefireValue(String element, String property) {
        if (!property.isEmpty() && userProperties.containsKey(property)) {
            return Optional.of(userProperties.get(property));
        }
        Object configured = surefire.get(element);
        if (configured != null) {
            return Optional.of(
                    configured instanceof List<?> list ? String.join(",", asStrings(list)) : configured.toString());
        }
        return property.isEmpty() ? Optional.empty() : Optional.ofNullable(fallbackProperties.get(property));
    }

    /** The value of a parameter of cloudist's own: its user property, or its element in cloudist's configuration. */
    Optional<String> cloudistValue(Parameter parameter) {
        if (userProperties.containsKey(parameter.property())) {
            return Optional.of(userProperties.get(parameter.property()));
        }
        return Optional.ofNullable(cloudist.get(parameter.element())).map(Object::toString);
    }

    /** The value of a parameter, when the build sets it. */
    Optional<String> value(Parameter parameter) {
        return string(element(parameter), parameter.property());
    }

    /** The key of a parameter among the configured elements: a property-only one (maven.test.skip) has its property. */
    private static String element(Parameter parameter) {
        return parameter.element() != null ? parameter.element() : parameter.property();
    }

    /** The value of a parameter, else the value it has when unset. */
    String string(Parameter parameter) {
        return string(parameter, parameter.valueWhenUnset());
    }

    /** The value of a parameter, else {@code defaultValue}. */
    String string(Parameter parameter, String defaultValue) {
        return value(parameter).orElse(defaultValue);
    }

    /**
     * The value of one of Surefire's own parameters, which cloudist reads but does not declare: its user property,
     * its element in Surefire's configuration, or its property among the project's properties.
     *
     * @param property its user property; null when it has none
     */
    Optional<String> string(String element, String property) {
        if (property != null && userProperties.containsKey(property)) {
            return Optional.of(userProperties.get(property));
        }
        Object configured = cloudist.containsKey(element) ? cloudist.get(element) : surefire.get(element);
        if (configured != null) {
            return Optional.of(
                    configured instanceof List<?> list ? String.join(",", asStrings(list)) : configured.toString());
        }
        return property == null ? Optional.empty() : Optional.ofNullable(fallbackProperties.get(property));
    }

    /**
     * A {@code true}/{@code false} parameter; a blank value counts as unset.
     *
     * @throws ConfigurationException for any other value
     */
    boolean flag(Parameter parameter) {
        return flag(element(parameter), parameter.property(), Boolean.parseBoolean(parameter.valueWhenUnset()));
    }

    /**
     * A {@code true}/{@code false} parameter of Surefire's own, which cloudist reads but does not declare; a blank
     * value counts as unset.
     *
     * @param property its user property; null when it has none
     * @throws ConfigurationException for any other value
     */
    boolean flag(String element, String property, boolean defaultValue) {
        String value = string(element, property).map(String::trim).orElse("");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "" -> defaultValue;
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new ConfigurationException(property != null ? property : element, value, "use true or false");
        };
    }

    /**
     * A whole-number parameter; a blank value counts as unset.
     *
     * @throws ConfigurationException for a value that is not a whole number of at least {@code minimum}
     */
    int wholeNumber(Parameter parameter, int minimum) {
        return wholeNumber(parameter, parameter.valueWhenUnset(), minimum);
    }

    /**
     * A whole-number parameter whose default the caller works out; a blank value counts as unset.
     *
     * @throws ConfigurationException for a value that is not a whole number of at least {@code minimum}
     */
    int wholeNumber(Parameter parameter, String defaultValue, int minimum) {
        String value = value(parameter).map(String::trim).orElse("");
        try {
            int number = Integer.parseInt(value.isEmpty() ? defaultValue : value);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new ConfigurationException(
                parameter.property(), value, "set it to a whole number of " + minimum + " or more");
    }

    /**
     * A decimal parameter such as {@code 1.5}; a blank value counts as unset.
     *
     * @param positive true: the value must be above 0; false: 0 is allowed too
     * @throws ConfigurationException for a value that is not a finite number in range
     */
    double decimal(Parameter parameter, boolean positive) {
        String value = value(parameter).map(String::trim).orElse("");
        try {
            double number = Double.parseDouble(value.isEmpty() ? parameter.valueWhenUnset() : value);
            if (Double.isFinite(number) && (positive ? number > 0 : number >= 0)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new ConfigurationException(
                parameter.property(),
                value,
                positive ? "set it to a number above 0, e.g. 1.5" : "set it to 0 or more, e.g. 0.25");
    }

    /** A list parameter: cloudist's list when set, else Surefire's; a string value is split at commas. */
    List<String> list(Parameter parameter) {
        return list(parameter.element());
    }

    /** A map parameter: Surefire's entries overlaid, key by key, with cloudist's. */
    Map<String, String> map(Parameter parameter) {
        return map(parameter.element());
    }

    /** A list parameter, also one of Surefire's own: cloudist's list when set, else Surefire's; split at commas. */
    List<String> list(String element) {
        Object configured = cloudist.containsKey(element) ? cloudist.get(element) : surefire.get(element);
        List<String> values = configured instanceof List<?> list
                ? asStrings(list)
                : configured == null
                        ? List.of()
                        : Arrays.asList(configured.toString().split(","));
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** A map parameter, also one of Surefire's own: Surefire's entries overlaid, key by key, with cloudist's. */
    Map<String, String> map(String element) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.putAll(asMap(surefire.get(element)));
        merged.putAll(asMap(cloudist.get(element)));
        return merged;
    }

    private static List<String> asStrings(List<?> list) {
        return list.stream().map(String::valueOf).toList();
    }

    private static Map<String, String> asMap(Object value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> map.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return map;
    }
}
