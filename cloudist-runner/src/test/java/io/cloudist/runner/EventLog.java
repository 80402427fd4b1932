package io.cloudist.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/** The events of one serve command, with finders for tests. */
record EventLog(List<JsonNode> events) {
    List<JsonNode> named(String event) {
        return events.stream()
                .filter(e -> e.path("event").asText().equals(event))
                .collect(Collectors.toList());
    }

    /** The node of the one {@code started} event whose node has this display name. */
    JsonNode startedNode(String displayName) {
        List<JsonNode> matches = named("started").stream()
                .map(e -> e.get("node"))
                .filter(n -> n.get("displayName").asText().equals(displayName))
                .collect(Collectors.toList());
        if (matches.size() != 1) {
            throw new AssertionError("want one started node named " + displayName + " in " + events);
        }
        return matches.get(0);
    }

    /** The one {@code finished} event of the started node with this display name. */
    JsonNode finished(String displayName) {
        String uniqueId = startedNode(displayName).get("uniqueId").asText();
        List<JsonNode> matches = named("finished").stream()
                .filter(e -> e.get("uniqueId").asText().equals(uniqueId))
                .collect(Collectors.toList());
        if (matches.size() != 1) {
            throw new AssertionError("want one finished event for " + uniqueId + " in " + events);
        }
        return matches.get(0);
    }

    String status(String displayName) {
        return finished(displayName).get("status").asText();
    }

    List<String> eventNames() {
        return events.stream().map(e -> e.get("event").asText()).collect(Collectors.toList());
    }
}
