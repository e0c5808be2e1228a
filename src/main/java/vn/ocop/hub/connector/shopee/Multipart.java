package vn.ocop.hub.connector.shopee;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body (RFC 7578) with one file part. {@link
 * vn.ocop.hub.connector.marketplace.PartnerHttp} sends raw bytes, so the body is built here.
 */
record Multipart(String contentType, byte[] body) {

    static Multipart file(String field, String fileName, String mediaType, byte[] content) {
        String boundary = "----ocop-hub-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        write(out, "--" + boundary + "\r\n");
        write(out, "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + safe(fileName) + "\"\r\n");
        write(out, "Content-Type: " + mediaType + "\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** A quote or line break in a file name would end the header early. */
    private static String safe(String fileName) {
        return fileName.replaceAll("[\"\\r\\n\\\\]", "_");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
