package io.cloudist.core;

/**
 * A parameter has a value cloudist cannot use. Carries the parameter's name (a property of {@link CloudistParameters}),
 * the bad value and the fix, so that one place in the plugin can name the POM element and the {@code -D} property.
 */
public class ConfigurationException extends CloudistException {
    private final String parameter;
    private final String value;
    private final String fix;

    /**
     * @param property the {@code cloudist.*} property of the parameter (a constant of {@link CloudistProperties})
     * @param value the value that was given
     * @param fix what to do instead, as an instruction
     */
    public ConfigurationException(String property, String value, String fix) {
        super("Invalid value '" + value + "' for " + property + ": " + fix);
        this.parameter = property;
        this.value = value;
        this.fix = fix;
    }

    /**
     * @param parameter the parameter, named by its {@code -D} property, else (having none) by its POM element
     * @param value the value that was given
     * @param fix what to do instead, as an instruction
     */
    public ConfigurationException(CloudistProperties.Parameter parameter, String value, String fix) {
        this(parameter.property() != null ? parameter.property() : parameter.element(), value, fix);
    }

    /** The {@code cloudist.*} property of the parameter, or a Surefire parameter name such as {@code test}. */
    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public String fix() {
        return fix;
    }
}
