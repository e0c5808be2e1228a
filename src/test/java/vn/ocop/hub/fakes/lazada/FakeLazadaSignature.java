package vn.ocop.hub.fakes.lazada;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's side of the signature, written separately from the hub's signer so that a
 * mistake in one is not silently shared by the other: recompute from the received parameters
 * (all but {@code sign}, empty values skipped, sorted by name) and compare.
 */
public final class FakeLazadaSignature {

    private FakeLazadaSignature() {
    }

    public static String expected(String appSecret, String apiPath, Map<String, String> received) {
        String pairs = received.entrySet().stream()
                .filter(e -> !e.getKey().equals("sign"))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + e.getValue())
                .collect(Collectors.joining());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((apiPath + pairs).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02X", b & 0xff));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String appSecret, String apiPath, Map<String, String> received) {
        String sign = received.get("sign");
        return sign != null && sign.equals(expected(appSecret, apiPath, received));
    }
}
