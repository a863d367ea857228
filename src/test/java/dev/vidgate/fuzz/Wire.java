package dev.vidgate.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends request bytes exactly as given over a fresh socket and reads the one answer: for the requests no
 * HTTP client library would send. The request side is half-closed once written, so a body shorter than
 * its {@code Content-Length} ends instead of keeping the server waiting.
 */
final class Wire {
    private Wire() {}

    /** The server's answer; {@code failure} says why there is none (status 0). */
    record Answer(int status, List<String[]> headers, byte[] body, String failure) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        static Answer none(String failure) {
            return new Answer(0, List.of(), new byte[0], failure);
        }

        /**
         * An HTTP/0.9 answer: the body alone, no status line and no headers. The server gives one to a request
         * line without a readable version (HTTP/0.9's form), as that protocol defines.
         */
        static Answer http09(byte[] body) {
            return new Answer(HTTP_09, List.of(), body, null);
        }

        boolean isHttp09() {
            return status == HTTP_09;
        }
    }

    /** The status an {@link Answer#http09} carries in place of one. */
    static final int HTTP_09 = 9;

    static Answer exchange(int port, byte[] request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before it read everything (a header too large): read what it said
            }
            var received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return timedOut(received, timeout);
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    return timedOut(received, timeout);
                } catch (IOException e) {
                    n = -1; // reset by the server: parse what came
                }
                if (n < 0) {
                    Answer answer = parse(received.toByteArray(), true);
                    if (answer != null) return answer;
                    return received.size() == 0 ? Answer.none("connection closed without an answer") : Answer.http09(received.toByteArray());
                }
                received.write(buffer, 0, n);
                Answer answer = parse(received.toByteArray(), false);
                if (answer != null) return answer;
            }
        } catch (IOException e) {
            return Answer.none("cannot connect: " + e);
        }
    }

    private static Answer timedOut(ByteArrayOutputStream received, Duration timeout) {
        Answer partial = parse(received.toByteArray(), true);
        return Answer.none("no complete answer within " + timeout.toSeconds() + " s"
                + (partial == null ? "" : " (got status " + partial.status() + ")"));
    }

    /** The final answer in {@code bytes} (interim 1xx answers skipped), or null while it is incomplete. */
    static Answer parse(byte[] bytes, boolean atEnd) {
        int start = 0;
        while (true) {
            int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headEnd < 0) return null;
            String[] lines = new String(bytes, start, headEnd - start, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) return null;
            int status;
            try {
                status = Integer.parseInt(statusLine[1]);
            } catch (NumberFormatException e) {
                return null;
            }
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.add(new String[]{lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
            int bodyStart = headEnd + 4;
            if (status >= 100 && status < 200) {
                start = bodyStart;
                continue;
            }
            Answer head = new Answer(status, headers, new byte[0], null);
            byte[] rest = Arrays.copyOfRange(bytes, bodyStart, bytes.length);
            if (head.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
                byte[] body = dechunk(rest);
                if (body == null) return atEnd ? new Answer(status, headers, rest, null) : null;
                return new Answer(status, headers, body, null);
            }
            Optional<String> length = head.header("Content-Length");
            if (length.isPresent()) {
                int n = Integer.parseInt(length.get());
                if (rest.length < n) return atEnd ? new Answer(status, headers, rest, null) : null;
                return new Answer(status, headers, Arrays.copyOf(rest, n), null);
            }
            return atEnd ? new Answer(status, headers, rest, null) : null;
        }
    }

    /** The body of a complete chunked encoding, or null while the last chunk has not arrived. */
    private static byte[] dechunk(byte[] bytes) {
        var body = new ByteArrayOutputStream();
        int pos = 0;
        while (true) {
            int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (lineEnd < 0) return null;
            String sizeText = new String(bytes, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) return body.toByteArray();
            if (lineEnd + 2 + size > bytes.length) return null;
            body.write(bytes, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
