package dev.vidgate.fuzz;

import dev.vidgate.fuzz.Draft.Form;
import dev.vidgate.fuzz.Draft.Json;
import dev.vidgate.fuzz.Draft.Raw;
import dev.vidgate.fuzz.Routes.Route;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.testsupport.media.WebpFiles;
import dev.vidgate.testsupport.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static dev.vidgate.fuzz.Draft.jsonString;

/**
 * The catalogue of mutations: each bends a route's well-formed request ({@link Routes}) into hostile ones.
 * A mutation applies to some routes and has variants; per route it sends {@code samples} variants picked by
 * the run's seeded {@link Random}, so the same seed always sends the same requests.
 */
final class Mutations {
    private Mutations() {}

    /** One way to bend a request; {@code note} names it in the report. */
    record Variant(String note, Bend bend) {}

    interface Bend {
        void apply(Draft d, Route r, Random random);
    }

    /** {@code samples} of a mutation that sends every one of its variants to every route it applies to. */
    static final int EVERY = 0;

    record Mutation(String name, Predicate<Route> appliesTo, int samples, List<Variant> variants) {}

    static final List<String> HOSTILE_TEXT = List.of("nul\u0000inside", "\u0000", "bell\u0007 esc\u001b[31m", "del\u007f",
            "line\u2028separator", "cr\r\nlf", "tab\tand\u000bvt", "bom\ufeff", "lone\ud800surrogate", "\udc00\ud800", "\uffff\ufffe",
            "🎬 emoji", "%00%zz", "' OR '1'='1", "${jndi:ldap://x}", " ", "");
    static final List<String> BAD_ESCAPES = List.of("%zz", "%", "%0", "%%", "%u0041", "%C0%AF", "%FF%FE", "%E2%82", "%ED%A0%80",
            "%00", "%0D%0A", "a%2", "%G1");
    static final List<String> BAD_PATH_SEGMENTS = List.of("%zz", "%", "%G0", "%C0%AE%C0%AE", "%2e%2e%2f%2e%2e", "%FF", "%2F", "%5C",
            "%25", "%u002e", "..;", ";jsessionid=1");
    static final List<String> HOSTILE_IDS = List.of("%00", "video_%00", "%00%00%00", "%0D%0Aset-cookie:x", "%01%02", "%7F",
            "video_" + "0".repeat(3000), "%F0%9F%8E%AC");
    static final List<String> RAW_TARGET_BYTES = List.of("\u0000", "\u0001", "\u007f", "\t", "é", "\u00ff", "{}", "|", "<script>",
            "\\", "\"", " ", "#fragment", "\r");

    static List<Mutation> all() {
        Predicate<Route> any = r -> true;
        Predicate<Route> post = Route::isPost;
        Predicate<Route> json = Route::isJson;
        Predicate<Route> get = r -> r.draft().method.equals("GET");
        Predicate<Route> creates = r -> (r.isJson() || r.isForm()) && (r.draft().path.endsWith("/videos") || r.draft().path.endsWith("/remix"));
        return List.of(
                new Mutation("as-is", any, 1, List.of(new Variant("", (d, r, x) -> { }))),
                new Mutation("broken-json", post, 2, brokenJson()),
                new Mutation("wrong-type", json, 2, values(List.of("42", "-1.5", "true", "null", "[]", "[\"a\",1]", "{}",
                        "{\"a\":{\"b\":[1]}}", "\"\""), (d, r, x, v) -> jsonField(d, x, v))),
                new Mutation("huge-number", json, 1, values(List.of("1e400", "123456789012345678901234567890", "-9223372036854775809",
                        "9223372036854775807", "-0", "1e-999", "1" + "0".repeat(5000)), (d, r, x, v) -> jsonField(d, x, v))),
                new Mutation("control-chars", any, 2, values(HOSTILE_TEXT, Mutations::textField)),
                new Mutation("bad-json-escape", json, 1, values(List.of("\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"abc\\\"",
                        "\"raw\u0001control\"", "\"raw\u0000nul\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\""),
                        (d, r, x, v) -> jsonField(d, x, v))),
                new Mutation("bad-percent-query", any, 1, values(BAD_ESCAPES, (d, r, x, v) -> queryValue(d, x, v))),
                new Mutation("bad-percent-path", any, 1, values(BAD_PATH_SEGMENTS, (d, r, x, v) ->
                        d.path = r.id() != null ? d.path.replace(r.id(), r.id() + v) : d.path + "/" + v)),
                new Mutation("hostile-id", any, 1, values(HOSTILE_IDS, (d, r, x, v) ->
                        d.path = r.id() != null ? d.path.replace(r.id(), v) : d.path + "/" + v)),
                new Mutation("raw-bytes-in-target", any, 1, values(RAW_TARGET_BYTES, (d, r, x, v) -> {
                    int at = 1 + x.nextInt(d.path.length() - 1);
                    d.path = d.path.substring(0, at) + v + d.path.substring(at);
                })),
                new Mutation("long-header", any, 1, longHeaders()),
                new Mutation("long-query", any, 1, longQueries()),
                new Mutation("odd-method", any, 1, oddMethods()),
                new Mutation("request-line", any, 1, requestLines()),
                new Mutation("content-length", any, 1, contentLengths()),
                new Mutation("transfer-encoding", any, 1, Framing.transferEncodings()),
                new Mutation("expect", any, 1, values(List.of("teapot", "100-continue", "100-continue, foo", "", "\u0001"),
                        (d, r, x, v) -> d.header("Expect", v))),
                new Mutation("bad-key", any, 1, badKeys()),
                new Mutation("content-type", post, 1, contentTypes()),
                new Mutation("broken-multipart", post, 1, Framing.brokenMultiparts()),
                new Mutation("hostile-filename", creates, EVERY, values(List.of("a\u0000.png", "\u0000", "..\\..\\win.ini", "../../etc/passwd",
                        "\u001b[2J.png", "a\r\nX-Injected: 1.png", "n".repeat(5000) + ".png", "quote\".png", "\u202egnp.exe", ""),
                        (d, r, x, v) -> referenceFile(d, v, "image/png", TestImages.png(720, 1280)))),
                new Mutation("accept", any, 1, values(List.of("application/xml", "text/html", "image/*", "application/json;q=0", ";;;",
                        "*/*;q=abc", "text/event-stream"), (d, r, x, v) -> d.header("Accept", v))),
                new Mutation("range", get, 1, values(List.of("bytes=abc", "bytes=5-1", "bytes=0-1,2-3", "bytes=-0",
                        "bytes=99999999999999999999-", "items=0-1", "bytes=", "bytes=0-0,-1", "bytes=--1"), (d, r, x, v) -> d.header("Range", v))),
                new Mutation("odd-headers", any, 1, oddHeaders()),
                new Mutation("png-bomb", creates, 1, List.of(reference("sora-2", "1280x720", TestImages.handMadePng(50_000, 50_000, TestImages.zlibZeros(0))),
                        reference("sora-2", "1280x720", TestImages.handMadePng(1280, 720, TestImages.zlibZeros(0))))),
                new Mutation("truncated-image", creates, 1, List.of(reference("sora-2", "1280x720",
                        Arrays.copyOf(TestImages.png(1280, 720), 2000)))),
                new Mutation("not-an-image", creates, 1, List.of(reference("sora-2", "720x1280", "GIF89a not really".getBytes()),
                        reference("sora-2", "720x1280", new byte[0]), reference("sora-2", "720x1280", "RIFF\0\0\0\0WEBP".getBytes()))),
                new Mutation("hostile-image-url", creates, 2, values(List.of("data:image/png;base64,!!!notbase64", "data:;base64,",
                        "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "javascript:alert(1)", "data:image/png,raw",
                        "https://127.0.0.1:1/x.png", "data:image/webp;base64," + Base64.getEncoder().encodeToString(Arrays.copyOf(WebpFiles.canvasWithGarbage(720, 1280), 30)),
                        "data:image/png;base64," + "A".repeat(100_001)), (d, r, x, v) -> imageUrl(d, v))),
                // last: on a server that decodes them, they stall request threads for good
                new Mutation("webp-bomb-1280x720", creates, 1, List.of(reference("sora-2", "1280x720", WebpFiles.canvasWithGarbage(1280, 720)))),
                new Mutation("webp-bomb-1920x1080", creates, 1, List.of(reference("sora-2-pro", "1920x1080", WebpFiles.canvasWithGarbage(1920, 1080)))));
    }

    /** Variants made of plain values, each applied the same way. */
    interface ValueBend {
        void apply(Draft d, Route r, Random random, String value);
    }

    static List<Variant> values(List<String> values, ValueBend bend) {
        return values.stream().map(v -> new Variant(v, (Bend) (d, r, x) -> bend.apply(d, r, x, v))).toList();
    }

    // ---- bodies ----

    private static List<Variant> brokenJson() {
        List<String> texts = List.of("{", "{\"prompt\":", "{\"prompt\":\"unterminated", "[1,2]", "\"a string\"", "null", "42", "{\"a\":1,}",
                "{'prompt':'single quotes'}", "{\"prompt\":\"x\"} trailing", "{\"prompt\":\"x\"}{\"prompt\":\"y\"}", "[".repeat(100_000),
                "{\"a\":".repeat(5_000), "\ufeff{\"prompt\":\"bom\"}", "/* comment */{}", "{\"n\":NaN}", "", "{\"prompt\":\"x\",\"prompt\":\"y\"}",
                "\u0000{}", "{\"prompt\":\"x\"}\u0000");
        List<Variant> variants = new ArrayList<>(values(texts, (d, r, x, v) -> d.body = Raw.of("application/json", v)));
        variants.add(new Variant("cut short", (d, r, x) -> {
            String whole = d.body instanceof Json j ? j.text() : "{\"prompt\":\"a lighthouse\",\"seconds\":\"4\"}";
            d.body = Raw.of("application/json", whole.substring(0, x.nextInt(whole.length())));
        }));
        return variants;
    }

    /** Replaces a random field of a JSON body with {@code literal}. */
    private static void jsonField(Draft d, Random random, String literal) {
        Json j = (Json) d.body;
        List<String> names = new ArrayList<>(j.fields().keySet());
        j.fields().put(names.get(random.nextInt(names.size())), literal);
    }

    /** Puts {@code text} into a random text field: a JSON string, a form field or a query parameter (one is added if none). */
    private static void textField(Draft d, Route r, Random random, String text) {
        List<Runnable> places = new ArrayList<>();
        if (d.body instanceof Json j) {
            j.fields().forEach((k, v) -> { if (v.startsWith("\"")) places.add(() -> j.fields().put(k, jsonString(text))); });
        }
        if (d.body instanceof Form f) {
            for (int i = 0; i < f.parts().size(); i++) {
                Form.Part p = f.parts().get(i);
                int at = i;
                if (p.isText()) places.add(() -> f.parts().set(at, new Form.Part(p.name(), null, null, text.getBytes(StandardCharsets.UTF_8))));
            }
        }
        for (String[] q : d.query) places.add(() -> q[1] = URLEncoder.encode(text, StandardCharsets.UTF_8));
        if (places.isEmpty()) places.add(() -> d.query.add(new String[]{"api-version", URLEncoder.encode(text, StandardCharsets.UTF_8)}));
        places.get(random.nextInt(places.size())).run();
    }

    private static void queryValue(Draft d, Random random, String raw) {
        if (d.query.isEmpty()) d.query.add(new String[]{"api-version", raw});
        else d.query.get(random.nextInt(d.query.size()))[1] = raw;
    }

    private static List<Variant> contentTypes() {
        List<Variant> variants = new ArrayList<>(values(List.of("text/plain", "multipart/form-data", "multipart/form-data; boundary=",
                "application/json; charset=utf-16", "application/xml", "*/*", "multipart/mixed; boundary=x", ";;;", "application/json\u0001",
                "application/merge-patch+json", "application/x-www-form-urlencoded"), (d, r, x, v) -> d.body = new Raw(v, d.body.render().bytes())));
        variants.add(new Variant("none", (d, r, x) -> d.body = new Raw(null, d.body.render().bytes())));
        variants.add(new Variant("urlencoded form", (d, r, x) -> d.body = Raw.of("application/x-www-form-urlencoded",
                "prompt=a+lighthouse&seconds=4&size=720x1280")));
        return variants;
    }

    // ---- reference images ----

    private static Variant reference(String model, String size, byte[] image) {
        return new Variant(model + " " + size, (d, r, x) -> {
            if (d.body instanceof Json j) {
                j.fields().put("model", jsonString(model));
                j.fields().put("size", jsonString(size));
                j.fields().put("input_reference", "{\"image_url\":" + jsonString("data:application/octet-stream;base64,"
                        + Base64.getEncoder().encodeToString(image)) + "}");
            } else {
                Form f = (Form) d.body;
                f.parts().removeIf(p -> p.name().equals("model") || p.name().equals("size"));
                f.parts().add(new Form.Part("model", null, null, model.getBytes(StandardCharsets.UTF_8)));
                f.parts().add(new Form.Part("size", null, null, size.getBytes(StandardCharsets.UTF_8)));
                referenceFile(d, "reference", "application/octet-stream", image);
            }
        });
    }

    /** Makes the body a form (keeping a form's fields) whose {@code input_reference} file is the one given. */
    private static void referenceFile(Draft d, String filename, String contentType, byte[] image) {
        Form f = d.body instanceof Form form ? form : Form.of("prompt", "a lighthouse");
        f.parts().removeIf(p -> p.name().startsWith("input_reference"));
        d.body = f.file("input_reference", filename, contentType, image);
    }

    private static void imageUrl(Draft d, String url) {
        if (d.body instanceof Json j) {
            j.fields().put("input_reference", "{\"image_url\":" + jsonString(url) + "}");
        } else {
            Form f = (Form) d.body;
            f.parts().removeIf(p -> p.name().startsWith("input_reference"));
            f.parts().add(new Form.Part("input_reference[image_url]", null, null, url.getBytes(StandardCharsets.UTF_8)));
        }
    }

    // ---- the request line and headers ----

    private static List<Variant> longHeaders() {
        return List.of(
                new Variant("9 KB header", (d, r, x) -> d.header("X-Fuzz", "a".repeat(9_000))),
                new Variant("70 KB header", (d, r, x) -> d.header("X-Fuzz", "a".repeat(70_000))),
                new Variant("8 KB user agent", (d, r, x) -> d.header("User-Agent", "u".repeat(8_100))),
                new Variant("200 headers", (d, r, x) -> { for (int i = 0; i < 200; i++) d.header("X-Fuzz-" + i, "v"); }),
                new Variant("9 KB cookie", (d, r, x) -> d.header("Cookie", "c=" + "x".repeat(9_000))));
    }

    private static List<Variant> longQueries() {
        return List.of(
                new Variant("9 KB query", (d, r, x) -> d.query.add(new String[]{"q", "a".repeat(9_000)})),
                new Variant("70 KB query", (d, r, x) -> d.query.add(new String[]{"q", "a".repeat(70_000)})),
                new Variant("2000 parameters", (d, r, x) -> { for (int i = 0; i < 2_000; i++) d.query.add(new String[]{"p" + i, "1"}); }),
                new Variant("5000-char name", (d, r, x) -> d.query.add(new String[]{"n".repeat(5_000), "1"})),
                new Variant("5000-digit limit", (d, r, x) -> d.query.add(new String[]{"limit", "9".repeat(5_000)})),
                new Variant("repeated parameters", (d, r, x) -> { for (int i = 0; i < 3; i++) d.query.add(new String[]{"limit", String.valueOf(i)}); }));
    }

    private static List<Variant> oddMethods() {
        List<Variant> variants = new ArrayList<>(values(List.of("TRACE", "CONNECT", "PROPFIND", "PATCH", "PUT", "OPTIONS", "HEAD", "MKCOL",
                "FOO", "get", "DELETE", "POST", "GET", "M".repeat(300)), (d, r, x, v) -> d.method = v));
        variants.add(new Variant("CORS preflight", (d, r, x) -> {
            d.method = "OPTIONS";
            d.header("Origin", "https://evil.example").header("Access-Control-Request-Method", r.draft().method)
                    .header("Access-Control-Request-Headers", "authorization,content-type");
        }));
        variants.add(new Variant("CORS simple request", (d, r, x) -> d.header("Origin", "https://evil.example")));
        return variants;
    }

    private static List<Variant> requestLines() {
        List<String> versions = List.of("", " HTTP/2.0", " HTTP/0.9", " HTTP/1.2", " HTTP/3", " HTTP/1.10", " http/1.1", " HTTP/1.1 extra",
                " HTTP/", " HTTP/1.0");
        List<Variant> variants = new ArrayList<>(values(versions, (d, r, x, v) -> d.requestLine = d.method + " " + d.target() + v));
        variants.add(new Variant("double spaces", (d, r, x) -> d.requestLine = d.method + "  " + d.target() + "  HTTP/1.1"));
        variants.add(new Variant("absolute URI", (d, r, x) -> d.requestLine = d.method + " http://evil.example" + d.target() + " HTTP/1.1"));
        variants.add(new Variant("asterisk", (d, r, x) -> d.requestLine = d.method + " * HTTP/1.1"));
        variants.add(new Variant("no target", (d, r, x) -> d.requestLine = d.method + "  HTTP/1.1"));
        variants.add(new Variant("relative target", (d, r, x) -> d.requestLine = d.method + " " + d.target().substring(1) + " HTTP/1.1"));
        variants.add(new Variant("leading blank line", (d, r, x) -> d.requestLine = "\r\n" + d.method + " " + d.target() + " HTTP/1.1"));
        variants.add(new Variant("TLS hello", (d, r, x) -> d.requestLine = "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003"));
        variants.add(new Variant("HTTP/2 preface", (d, r, x) -> d.requestLine = "PRI * HTTP/2.0\r\n\r\nSM"));
        return variants;
    }

    private static List<Variant> contentLengths() {
        return List.of(
                length("-1"), length("abc"), length("99999999999999999999"), length("1, 2"), length("+5"), length(" 5 "),
                new Variant("longer than the body", (d, r, x) -> {
                    d.contentLength = false;
                    d.header("Content-Length", String.valueOf(d.body.render().bytes().length + 100));
                }),
                new Variant("shorter than the body", (d, r, x) -> {
                    d.body = Raw.of(d.body.render().contentType(), "{\"prompt\":\"a lighthouse\"}");
                    d.contentLength = false;
                    d.header("Content-Length", "5");
                }),
                new Variant("two different", (d, r, x) -> {
                    int n = d.body.render().bytes().length;
                    d.contentLength = false;
                    d.header("Content-Length", String.valueOf(n)).header("Content-Length", String.valueOf(n + 1));
                }));
    }

    private static Variant length(String value) {
        return new Variant(value, (d, r, x) -> {
            d.contentLength = false;
            d.header("Content-Length", value);
        });
    }

    private static List<Variant> badKeys() {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("no key", (d, r, x) -> noKey(d)));
        for (String value : List.of("Bearer ", "Basic dXNlcjpwYXNz", "Bearer sk-wrong-0123456789abcdefghij", "Bearer sk-\u0000nul-0123456789",
                "Bearer sk-\u0001ctl-0123456789", "Bearer " + "k".repeat(10_000), "Bearer é-not-ascii-0123456789", "bearer sk-wrong", "Bearer")) {
            variants.add(new Variant(value, (d, r, x) -> noKey(d).header("Authorization", value)));
        }
        variants.add(new Variant("the other key", (d, r, x) -> noKey(d).header("Authorization", "Bearer "
                + (r.admin() ? TestServer.API_KEY : TestServer.ADMIN_KEY))));
        variants.add(new Variant("wrong api-key header", (d, r, x) -> noKey(d).header("api-key", "sk-wrong-0123456789abcdefghij")));
        variants.add(new Variant("wrong then right", (d, r, x) -> {
            String right = d.headers.stream().filter(h -> h[0].equals("Authorization")).map(h -> h[1]).findFirst().orElse("");
            noKey(d).header("Authorization", "Bearer sk-wrong-0123456789abcdefghij").header("Authorization", right);
        }));
        return variants;
    }

    private static Draft noKey(Draft d) {
        return d.withoutHeader("Authorization").withoutHeader("api-key");
    }

    private static List<Variant> oddHeaders() {
        return List.of(
                new Variant("no Host", (d, r, x) -> d.host = false),
                new Variant("two Hosts", (d, r, x) -> d.header("Host", "127.0.0.1").header("Host", "evil.example")),
                new Variant("Host [::1", (d, r, x) -> d.header("Host", "[::1")),
                new Variant("line without colon", (d, r, x) -> d.header("NoColonHere", null)),
                new Variant("name with space", (d, r, x) -> d.header("Bad Name", "x")),
                new Variant("obs-fold", (d, r, x) -> d.header("X-Folded", "one\r\n  two")),
                new Variant("NUL in a header value", (d, r, x) -> d.header("X-Fuzz", "a\u0000b")),
                new Variant("5000-char Idempotency-Key", (d, r, x) -> d.header("Idempotency-Key", "i".repeat(5_000))),
                new Variant("control chars in Idempotency-Key", (d, r, x) -> d.header("Idempotency-Key", "idem\u0001\u0002")),
                new Variant("non-ASCII Idempotency-Key", (d, r, x) -> d.header("Idempotency-Key", "idem-é-ü-猫")),
                new Variant("unterminated cookie", (d, r, x) -> d.header("Cookie", "JSESSIONID=abc; x=\"unterminated")),
                new Variant("h2c upgrade", (d, r, x) -> d.header("Upgrade", "h2c").header("Connection", "Upgrade, HTTP2-Settings")
                        .header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA")),
                new Variant("websocket upgrade", (d, r, x) -> d.header("Upgrade", "websocket").header("Connection", "Upgrade")
                        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13")),
                new Variant("Content-Encoding gzip", (d, r, x) -> d.header("Content-Encoding", "gzip")),
                new Variant("method override", (d, r, x) -> d.header("X-HTTP-Method-Override", "DELETE")),
                new Variant("X-Forwarded garbage", (d, r, x) -> d.header("X-Forwarded-For", "<script>, ::::, 999.1.1.1")
                        .header("X-Forwarded-Proto", "gopher").header("X-Forwarded-Host", "evil.example:99999")));
    }
}
