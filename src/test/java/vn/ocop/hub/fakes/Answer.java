package vn.ocop.hub.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the fake decided to send back, built before anything is written to the exchange. */
record Answer(int status, String contentType, JsonNode body, Map<String, String> headers) {

    static final String JSON = "application/json";

    Answer {
        headers = Map.copyOf(headers);
    }

    static Answer json(int status, JsonNode body) {
        return new Answer(status, JSON, body, Map.of());
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, contentType, body, more);
    }
}
