package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body of a create-like request (create, remix, edits, extensions), read once within the API's limits: a JSON object,
 * or the fields of a form, {@code multipart/form-data} parts or {@code application/x-www-form-urlencoded} pairs (curl
 * {@code -d}). A form's nested fields keep their bracket names ({@code input_reference[image_url]}), as the SDKs send
 * them. Route parsers map the fields; {@link BodyParameters} checks their names.
 */
sealed interface RequestBody permits RequestBody.Json, RequestBody.Form {

    /** A JSON body: its object. */
    record Json(ObjectNode root) implements RequestBody {}

    /** A form body: its fields in the order sent; {@code multipart} false for an urlencoded body (text fields only). */
    record Form(List<FormField> fields, boolean multipart) implements RequestBody {}

    /** Reads the body by its {@code Content-Type} (none means JSON). */
    static RequestBody read(HttpServletRequest request, ObjectMapper json) {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) return new Form(parts(request), true);
        if (contentType.startsWith("application/x-www-form-urlencoded")) return new Form(pairs(bytes(request, "form")), false);
        if (contentType.isEmpty() || contentType.startsWith("application/json") || contentType.contains("+json")) {
            return new Json(object(bytes(request, "JSON"), json));
        }
        throw ApiException.invalid("Unsupported Content-Type '" + ApiException.echo(request.getContentType(), 100)
                + "': send application/json, multipart/form-data or application/x-www-form-urlencoded.", null, "unsupported_content_type");
    }

    private static ObjectNode object(byte[] body, ObjectMapper json) {
        if (body.length == 0) {
            throw ApiException.invalid("The request body is empty; send a JSON object with at least a prompt.", null, "invalid_json");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.invalid("We could not parse the JSON body of your request. The API expects a JSON "
                    + "object (or multipart/form-data), but what was sent was not valid JSON.", null, "invalid_json");
        }
        if (root == null || !root.isObject()) throw ApiException.invalid("The JSON body must be an object.", null, "invalid_json");
        return (ObjectNode) root;
    }

    /** {@code name=value&...}, percent-decoded as UTF-8 ({@code +} is a space); a name without {@code =} has an empty value. */
    private static List<FormField> pairs(byte[] body) {
        List<FormField> fields = new ArrayList<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                fields.add(FormField.text(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("The application/x-www-form-urlencoded body could not be decoded: a % must be followed "
                        + "by two hexadecimal digits.", null, "invalid_body");
            }
        }
        return fields;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static List<FormField> parts(HttpServletRequest request) {
        try {
            List<FormField> fields = new ArrayList<>();
            for (Part part : request.getParts()) fields.add(FormField.part(part));
            return fields;
        } catch (IOException | ServletException | IllegalStateException | MultipartException e) {
            throw multipartFailure(e);
        }
    }

    private static RuntimeException multipartFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getSimpleName();
            if (type.contains("SizeLimitExceeded") || type.contains("SizeException") || t instanceof MaxUploadSizeExceededException) {
                return ApiException.tooLarge("The multipart body is larger than this server accepts ("
                        + RequestLimits.describe(RequestLimits.MAX_MULTIPART_BYTES) + " in all, "
                        + RequestLimits.describe(RequestLimits.MAX_FILE_BYTES) + " per file).", "input_reference");
            }
            if (t.getCause() == t) break;
        }
        return ApiException.invalid("The multipart/form-data body could not be parsed; check the boundary and the part headers.",
                null, "invalid_multipart");
    }

    /** The whole body, at most {@link RequestLimits#MAX_JSON_BYTES} (room for an image as a base64 data URL). */
    private static byte[] bytes(HttpServletRequest request, String kind) {
        long declared = request.getContentLengthLong();
        if (declared > RequestLimits.MAX_JSON_BYTES) throw tooLarge(kind);
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) RequestLimits.MAX_JSON_BYTES + 1);
            if (body.length > RequestLimits.MAX_JSON_BYTES) throw tooLarge(kind);
            return body;
        } catch (IOException e) {
            throw ApiException.invalid("The request body could not be read completely.", null, "invalid_body");
        }
    }

    private static ApiException tooLarge(String kind) {
        return ApiException.tooLarge("The " + kind + " body is larger than the " + RequestLimits.describe(RequestLimits.MAX_JSON_BYTES)
                + " limit.", null);
    }
}
