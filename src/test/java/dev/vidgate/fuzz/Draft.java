package dev.vidgate.fuzz;

import dev.vidgate.testsupport.RawHttp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One HTTP/1.1 request on its way to the wire, in parts a mutation can bend: method, path, query, version,
 * headers and body. Text goes out as UTF-8 bytes exactly as written, so hostile bytes (NUL, CR, broken
 * escapes) reach the server untouched; nothing is encoded or checked here.
 */
final class Draft {
    String method;
    /** The path as sent: already percent-encoded where it should be, hostile where a mutation made it so. */
    String path;
    /** Query parameters as sent: name and value are already encoded. */
    final List<String[]> query = new ArrayList<>();
    String version = "HTTP/1.1";
    final List<String[]> headers = new ArrayList<>();
    Body body = Body.NONE;
    /** When false, no {@code Content-Length} is added for the body (a mutation framed it itself). */
    boolean contentLength = true;
    /** When false, no {@code Host} header is added. */
    boolean host = true;
    /** Replaces the whole request line when set. */
    String requestLine;
    /** What a mutation did, for the report. */
    String note = "";

    Draft(String method, String path) {
        this.method = method;
        this.path = path;
    }

    Draft copy() {
        Draft d = new Draft(method, path);
        query.forEach(q -> d.query.add(q.clone()));
        d.version = version;
        headers.forEach(h -> d.headers.add(h.clone()));
        d.body = body.copy();
        d.contentLength = contentLength;
        d.host = host;
        d.requestLine = requestLine;
        d.note = note;
        return d;
    }

    Draft header(String name, String value) {
        headers.add(new String[]{name, value});
        return this;
    }

    Draft withoutHeader(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return this;
    }

    Draft replaceHeader(String name, String value) {
        return withoutHeader(name).header(name, value);
    }

    String target() {
        if (query.isEmpty()) return path;
        StringBuilder t = new StringBuilder(path).append('?');
        for (int i = 0; i < query.size(); i++) {
            if (i > 0) t.append('&');
            t.append(query.get(i)[0]).append('=').append(query.get(i)[1]);
        }
        return t.toString();
    }

    byte[] render(int port) {
        Body.Bytes content = body.render();
        StringBuilder head = new StringBuilder(requestLine != null ? requestLine : method + " " + target() + " " + version).append("\r\n");
        if (host && !has("Host")) head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        if (content.contentType() != null && !has("Content-Type")) head.append("Content-Type: ").append(content.contentType()).append("\r\n");
        if (contentLength && body != Body.NONE && !has("Content-Length") && !has("Transfer-Encoding")) {
            head.append("Content-Length: ").append(content.bytes().length).append("\r\n");
        }
        for (String[] h : headers) head.append(h[0]).append(h[1] == null ? "" : ": " + h[1]).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content.bytes());
        return out.toByteArray();
    }

    private boolean has(String header) {
        return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(header));
    }

    /**
     * A JSON string literal of {@code text}: quotes, backslashes, control characters and lone surrogates
     * escaped as {@code \\uXXXX}, so NUL and broken UTF-16 reach the server's JSON parser intact.
     */
    static String jsonString(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') s.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) s.append(String.format("\\u%04x", (int) c));
            else s.append(c);
        }
        return s.append('"').toString();
    }

    /** A request body: nothing, a JSON object of literal fields, a multipart form, or raw bytes. */
    sealed interface Body permits NoBody, Json, Form, Raw {
        Body NONE = new NoBody();

        /** The bytes and their Content-Type (null: none), made together so a form's boundary matches its body. */
        Bytes render();

        Body copy();

        record Bytes(String contentType, byte[] bytes) {}
    }

    record NoBody() implements Body {
        public Bytes render() {
            return new Bytes(null, new byte[0]);
        }

        public Body copy() {
            return this;
        }
    }

    /** A JSON object whose values are JSON literals as written ({@code "\"text\""}, {@code 42}, or anything broken). */
    record Json(LinkedHashMap<String, String> fields) implements Body {
        static Json of(String... nameAndLiteral) {
            var fields = new LinkedHashMap<String, String>();
            for (int i = 0; i + 1 < nameAndLiteral.length; i += 2) fields.put(nameAndLiteral[i], nameAndLiteral[i + 1]);
            return new Json(fields);
        }

        String text() {
            StringBuilder s = new StringBuilder("{");
            fields.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append(jsonString(k)).append(':').append(v));
            return s.append('}').toString();
        }

        public Bytes render() {
            return new Bytes("application/json", text().getBytes(StandardCharsets.UTF_8));
        }

        public Body copy() {
            return new Json(new LinkedHashMap<>(fields));
        }
    }

    /** A multipart/form-data body of text fields and files, written by {@link RawHttp.Multipart}. */
    record Form(List<Part> parts) implements Body {
        /** A text field when {@code filename} and {@code contentType} are both null. */
        record Part(String name, String filename, String contentType, byte[] content) {
            boolean isText() {
                return filename == null && contentType == null;
            }
        }

        static Form of(String... nameAndValue) {
            List<Part> parts = new ArrayList<>();
            for (int i = 0; i + 1 < nameAndValue.length; i += 2) {
                parts.add(new Part(nameAndValue[i], null, null, nameAndValue[i + 1].getBytes(StandardCharsets.UTF_8)));
            }
            return new Form(parts);
        }

        Form file(String name, String filename, String contentType, byte[] content) {
            parts.add(new Part(name, filename, contentType, content));
            return this;
        }

        public Bytes render() {
            var m = new RawHttp.Multipart();
            for (Part p : parts) {
                if (p.isText()) m.text(p.name(), new String(p.content(), StandardCharsets.UTF_8));
                else m.file(p.name(), p.filename(), p.contentType(), p.content());
            }
            return new Bytes(m.contentType(), m.body());
        }

        public Body copy() {
            return new Form(new ArrayList<>(parts));
        }
    }

    /** Bytes as they are, under a Content-Type (null: none). */
    record Raw(String contentType, byte[] content) implements Body {
        static Raw of(String contentType, String text) {
            return new Raw(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public Bytes render() {
            return new Bytes(contentType, content);
        }

        public Body copy() {
            return this;
        }
    }
}
