package vn.ocop.hub.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** Comparing a received signature with the expected one without telling an attacker how close it came. */
public final class Signatures {

    private Signatures() {
    }

    /** Constant-time over the expected length; hex case is ignored, surrounding blanks too. */
    public static boolean matches(String expected, String received) {
        if (received == null || received.isBlank()) {
            return false;
        }
        byte[] want = expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] got = received.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(want, got);
    }
}
