package dev.vidgate.engine.relay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: the parts of a {@code multipart/form-data} body, by name (text and files alike, as bytes). */
record FormParts(Map<String, byte[]> parts, Map<String, String> fileNames) {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILE = Pattern.compile("filename=\"([^\"]*)\"");

    static FormParts parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) throw new IllegalArgumentException("no boundary in " + contentType);
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') break;
            int next = indexOf(body, delimiter, start);
            if (next < 0) break;
            byte[] part = Arrays.copyOfRange(body, start + 2, next - 2); // skip CRLF after the delimiter and before the next
            int headerEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String headers = new String(part, 0, headerEnd, StandardCharsets.UTF_8);
            Matcher name = NAME.matcher(headers);
            if (name.find()) {
                parts.put(name.group(1), Arrays.copyOfRange(part, headerEnd + 4, part.length));
                Matcher file = FILE.matcher(headers);
                if (file.find()) files.put(name.group(1), file.group(1));
            }
            at = next;
        }
        return new FormParts(parts, files);
    }

    String text(String name) {
        byte[] value = parts.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
