package io.cloudist.maven;

import java.io.File;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;

/**
 * A goal's own configuration: the values of its parameters that are set, by POM element; files become absolute
 * paths. Read from the goal's descriptor and the fields Maven injected, so that every {@code @Parameter} reaches the
 * mapping without a list to keep: Maven itself injects the fields by reflection, by the same names.
 */
final class ConfiguredValues {
    private ConfiguredValues() {}

    /**
     * @param goal the Mojo, configured by Maven
     * @param descriptor its descriptor: every editable parameter is a field of {@code goal}'s class or a superclass
     */
    static Map<String, Object> of(Object goal, MojoDescriptor descriptor) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : Objects.requireNonNullElse(descriptor.getParameters(), List.<Parameter>of())) {
            if (!parameter.isEditable()) {
                continue;
            }
            Object value = field(goal, parameter.getName());
            if (value instanceof File file) {
                values.put(parameter.getName(), file.getAbsolutePath());
            } else if (value != null) {
                values.put(parameter.getName(), value);
            }
        }
        return values;
    }

    private static Object field(Object goal, String name) {
        for (Class<?> type = goal.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(goal);
            } catch (NoSuchFieldException e) {
                // declared by a superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read parameter " + name + " of " + goal.getClass(), e);
            }
        }
        throw new IllegalStateException(goal.getClass() + " has no field for its parameter " + name);
    }
}
