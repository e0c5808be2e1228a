package vn.ocop.hub.connector.hapro;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds small interchanges for reader tests, one segment per line, with correct UNT and UNZ counts. */
final class EdiText {

    static final String UNA = "UNA:+.?*'";
    static final String UNB = "UNB+UNOW:4+8935600000018:14+8931234000011:14+20251103:0815+HPR1'";

    private EdiText() {
    }

    /** An interchange with one message per list; each list starts with its UNH. */
    @SafeVarargs
    static String interchange(List<String>... messages) {
        List<String> out = new ArrayList<>(List.of(UNA, UNB));
        int n = 0;
        for (List<String> message : messages) {
            n++;
            out.addAll(message);
            out.add("UNT+" + (message.size() + 1) + "+" + message.get(0).split("\\+")[1] + "'");
        }
        out.add("UNZ+" + n + "+HPR1'");
        return String.join("\n", out) + "\n";
    }

    static List<String> message(String unh, String... body) {
        List<String> segments = new ArrayList<>();
        segments.add(unh);
        segments.addAll(List.of(body));
        return segments;
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
