package dev.vidgate.fuzz;

import dev.vidgate.fuzz.Draft.Raw;
import dev.vidgate.fuzz.Mutations.Variant;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Mutations of how a body is framed: transfer codings and broken multipart/form-data. */
final class Framing {
    private static final String BOUNDARY = "b0undary";
    private static final String FORM = "multipart/form-data; boundary=" + BOUNDARY;

    private Framing() {}

    static List<Variant> transferEncodings() {
        return List.of(
                coding("gzip", "gzip", body -> body),
                coding("chunked", "chunked", Framing::chunked),
                coding("chunked, bad chunk size", "chunked", body -> ("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                coding("chunked, no last chunk", "chunked", body -> withoutLastChunk(chunked(body))),
                coding("identity", "identity", body -> body),
                coding("chunked, gzip", "chunked, gzip", Framing::chunked),
                coding("xchunked", "xchunked", body -> body),
                new Variant("chunked and Content-Length", (d, r, x) -> {
                    var content = d.body.render();
                    d.body = new Raw(content.contentType(), chunked(content.bytes()));
                    d.contentLength = false;
                    d.header("Transfer-Encoding", "chunked").header("Content-Length", String.valueOf(content.bytes().length));
                }));
    }

    private interface Coding {
        byte[] encode(byte[] body);
    }

    private static Variant coding(String note, String transferEncoding, Coding coding) {
        return new Variant(note, (d, r, x) -> {
            var content = d.body.render();
            d.body = new Raw(content.contentType(), coding.encode(content.bytes()));
            d.contentLength = false;
            d.header("Transfer-Encoding", transferEncoding);
        });
    }

    private static byte[] chunked(byte[] body) {
        var out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 1000) {
            int n = Math.min(1000, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] withoutLastChunk(byte[] chunked) {
        return java.util.Arrays.copyOf(chunked, chunked.length - 5);
    }

    static List<Variant> brokenMultiparts() {
        String prompt = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\na lighthouse\r\n";
        String end = "--" + BOUNDARY + "--\r\n";
        List<Variant> variants = new ArrayList<>();
        variants.add(form("cut short", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhal"));
        variants.add(form("other boundary", prompt.replace(BOUNDARY, "other") + "--other--\r\n"));
        variants.add(form("no Content-Disposition", "--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + end));
        variants.add(form("only CRLF", "\r\n"));
        variants.add(form("empty form", end));
        variants.add(form("100 parts", prompt.repeat(100) + end));
        variants.add(form("part header without colon", "--" + BOUNDARY + "\r\nContent-Disposition form-data name=prompt\r\n\r\nx\r\n" + end));
        variants.add(form("20 KB part header", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\nX-Long: "
                + "h".repeat(20_000) + "\r\n\r\nx\r\n" + end));
        variants.add(form("quote injection in name", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"prompt\\\"; filename=\\\"x\"\r\n\r\nx\r\n" + end));
        variants.add(form("NUL in part name", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"pro\u0000mpt\"\r\n\r\nx\r\n" + end));
        variants.add(form("RFC 5987 file name", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"input_reference\"; filename*=UTF-8''%00%zz\r\n"
                + "Content-Type: image/png\r\n\r\n\u0089PNG\r\n" + end));
        variants.add(new Variant("200-char boundary", (d, r, x) -> d.body = Raw.of("multipart/form-data; boundary=" + "b".repeat(200),
                prompt.replace(BOUNDARY, "b".repeat(200)) + "--" + "b".repeat(200) + "--\r\n")));
        variants.add(form("nested multipart/mixed", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n"
                + "Content-Type: multipart/mixed; boundary=inner\r\n\r\n--inner\r\n\r\nx\r\n--inner--\r\n" + end));
        variants.add(form("bogus transfer encoding", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n!!!\r\n" + end));
        variants.add(form("charset utf-7 part", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n"
                + "Content-Type: text/plain; charset=x-unknown-charset\r\n\r\nx\r\n" + end));
        return variants;
    }

    private static Variant form(String note, String body) {
        return new Variant(note, (d, r, x) -> d.body = Raw.of(FORM, body));
    }
}
