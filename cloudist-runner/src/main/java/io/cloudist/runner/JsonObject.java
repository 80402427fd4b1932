package io.cloudist.runner;

/** One JSON object, built field by field in insertion order; {@link #toString()} gives its text. */
final class JsonObject {
    private final StringBuilder text = new StringBuilder("{");

    JsonObject put(String name, String value) {
        Json.appendString(name(name), value == null ? "" : value);
        return this;
    }

    JsonObject put(String name, long value) {
        name(name).append(value);
        return this;
    }

    JsonObject put(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    JsonObject put(String name, JsonObject value) {
        name(name).append(value);
        return this;
    }

    private StringBuilder name(String name) {
        if (text.length() > 1) {
            text.append(',');
        }
        Json.appendString(text, name);
        return text.append(':');
    }

    @Override
    public String toString() {
        return text + "}";
    }
}
