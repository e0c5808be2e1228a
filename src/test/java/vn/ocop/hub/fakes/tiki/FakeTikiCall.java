package vn.ocop.hub.fakes.tiki;

import java.time.Instant;

/**
 * One HTTP call the fake received, in arrival order.
 *
 * @param status what the fake decided to answer; {@link #LOST} when the answer was dropped on purpose
 */
public record FakeTikiCall(String method, String path, String query, String authorization, String contentType,
                           String body, int status, Instant arrivedAt) {

    public static final int LOST = -1;

    public boolean is(String m, String pathPrefix) {
        return (m == null || method.equalsIgnoreCase(m)) && path.startsWith(pathPrefix);
    }
}
