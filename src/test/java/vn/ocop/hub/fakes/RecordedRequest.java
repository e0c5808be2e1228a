package vn.ocop.hub.fakes;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A request the fake Postmart received and what it answered, so a test can check what the hub
 * actually sent (headers, body, pacing) and not only the resulting state.
 *
 * @param method    HTTP method, upper case
 * @param path      decoded path, e.g. {@code /v1/products/OCOP 01/price}
 * @param rawPath   the path exactly as sent, so a test can check how the hub encoded a SKU
 * @param headers   every request header, names in lower case, repeated values joined by ", "
 * @param body      the body as text (decoded as UTF-8 even when it was not valid UTF-8)
 * @param status    the status the fake answered
 * @param arrivedAt when the request reached the fake
 */
public record RecordedRequest(String method, String path, String rawPath, Map<String, String> headers,
                              String body, int status, Instant arrivedAt) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The header's value; the name is matched case-insensitively. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
