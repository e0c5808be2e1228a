package vn.ocop.hub.fakes.shopee;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict multipart/form-data reader (RFC 7578): the fake must notice a malformed upload. */
final class MultipartForm {

    record Part(String name, String fileName, String contentType, byte[] content) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    private MultipartForm() {
    }

    /** The parts by field name, or null when the body is not a well-formed multipart form. */
    static Map<String, Part> parse(String contentType, byte[] body) {
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at != 0) {
            return null;
        }
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                return parts; // closing delimiter
            }
            if (!startsWith(body, afterDelimiter, "\r\n")) {
                return null;
            }
            int headersStart = afterDelimiter + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                return null;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
            Part part = part(headers, content);
            if (part == null) {
                return null;
            }
            parts.put(part.name(), part);
            at = next + 2;
        }
    }

    private static Part part(String headers, byte[] content) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                disposition = line;
            } else if (lower.startsWith("content-type:")) {
                type = line.substring("content-type:".length()).trim();
            }
        }
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).contains("form-data")) {
            return null;
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            return null;
        }
        Matcher file = FILE_NAME.matcher(disposition);
        return new Part(name.group(1), file.find() ? file.group(1) : null, type, content);
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        return at + t.length <= body.length && Arrays.equals(body, at, at + t.length, t, 0, t.length);
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = from; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
