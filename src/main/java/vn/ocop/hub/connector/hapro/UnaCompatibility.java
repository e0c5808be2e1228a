package vn.ocop.hub.connector.hapro;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Smooths two habits of EDI senders before StAEDI sees the bytes; nothing past the service
 * string advice is touched.
 * <ul>
 *   <li>A UTF-8 byte order mark, which Windows tools write and StAEDI would take for data.</li>
 *   <li>{@code UNA:+.? '}: the syntax 3 service string, whose sixth character (a space) is
 *   "reserved". In syntax 4 that position is the repetition separator, so StAEDI would split every
 *   Vietnamese name at its spaces. A sender writing a space there means "no repetition separator",
 *   so it is replaced by a private-use character that never occurs in real data.</li>
 * </ul>
 */
final class UnaCompatibility {

    static final char NO_REPETITION = '\uE000';

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int UNA_LENGTH = 9;
    private static final int REPETITION_INDEX = 7;

    private UnaCompatibility() {
    }

    /** The stream StAEDI should read; {@code empty} when the file has no bytes at all. */
    record Prepared(InputStream stream, boolean empty) {
    }

    static Prepared prepare(InputStream in) throws IOException {
        byte[] head = in.readNBytes(BOM.length + UNA_LENGTH);
        int start = startsWith(head, BOM) ? BOM.length : 0;
        byte[] una = Arrays.copyOfRange(head, start, head.length);
        byte[] prefix = una;
        if (una.length == UNA_LENGTH && una[0] == 'U' && una[1] == 'N' && una[2] == 'A'
                && una[REPETITION_INDEX] == ' ') {
            byte[] replacement = String.valueOf(NO_REPETITION).getBytes(StandardCharsets.UTF_8);
            prefix = new byte[una.length - 1 + replacement.length];
            System.arraycopy(una, 0, prefix, 0, REPETITION_INDEX);
            System.arraycopy(replacement, 0, prefix, REPETITION_INDEX, replacement.length);
            System.arraycopy(una, REPETITION_INDEX + 1, prefix, REPETITION_INDEX + replacement.length,
                    una.length - REPETITION_INDEX - 1);
        }
        return new Prepared(new SequenceInputStream(new ByteArrayInputStream(prefix), in), head.length == 0);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
