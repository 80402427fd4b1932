package io.cloudist.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonObjectTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesFieldsInOrderWithTheirTypes() {
        JsonObject object = new JsonObject()
                .put("event", "finished")
                .put("time", 1234567890123L)
                .put("flag", true)
                .put("node", new JsonObject().put("uniqueId", "[engine:x]"));

        assertThat(object.toString())
                .isEqualTo("{\"event\":\"finished\",\"time\":1234567890123,\"flag\":true,"
                        + "\"node\":{\"uniqueId\":\"[engine:x]\"}}");
    }

    @Test
    void writesNullAsAnEmptyString() {
        assertThat(new JsonObject().put("reason", (String) null).toString()).isEqualTo("{\"reason\":\"\"}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(quoted("a\"b\\c\u0000\u001f\n\t")).isEqualTo("\"a\\\"b\\\\c\\u0000\\u001f\\u000a\\u0009\"");
    }

    @Test
    void escapesLoneSurrogatesButKeepsPairsAndOtherCharactersAsTheyAre() {
        assertThat(quoted("\ud800x\udc00 😀 ü \u007f \u2028 ]]>"))
                .isEqualTo("\"\\ud800x\\udc00 😀 ü \u007f \u2028 ]]>\"");
        assertThat(quoted("end\ud83d")).isEqualTo("\"end\\ud83d\"");
    }

    @Test
    void roundTripsEveryCharThroughAJsonParser() throws Exception {
        StringBuilder everyChar = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            everyChar.append(c);
        }
        String value = everyChar.toString();

        String json = new JsonObject().put("value", value).toString();

        assertThat(JSON.readTree(json).get("value").asText().equals(value)).isTrue();
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder();
        Json.appendString(out, value);
        return out.toString();
    }
}
