package dev.vidgate.api;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.common.ApiException;
import dev.vidgate.video.CreateVideoRequest;
import dev.vidgate.video.VideoErrors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a create or remix body, JSON or multipart, into a {@link CreateVideoRequest}. Only the shape
 * is checked here (types, one file, sizes, no control characters in text: {@link TextFields}); the
 * values are the video service's business.
 */
final class CreateRequestParser {
    private static final int MAX_TEXT_PART_BYTES = 512 * 1024;

    private final ObjectMapper json;
    private final ReferenceResolver references;
    private final ModelCatalog catalog;

    CreateRequestParser(ObjectMapper json, ReferenceResolver references, ModelCatalog catalog) {
        this.json = json;
        this.references = references;
        this.catalog = catalog;
    }

    CreateVideoRequest parse(HttpServletRequest request) {
        String idempotencyKey = idempotencyKey(request);
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) return multipart(request, idempotencyKey);
        if (contentType.isEmpty() || contentType.startsWith("application/json") || contentType.contains("+json")) {
            return json(request, idempotencyKey);
        }
        throw ApiException.invalid("Unsupported Content-Type '" + request.getContentType()
                + "': send application/json or multipart/form-data.", null, "unsupported_content_type");
    }

    /** The seed's message, unless the body names a model of other durations than Sora's: then that model's. */
    private ApiException secondsNotAString(JsonNode model) {
        return (model != null && model.isString() ? catalog.find(model.asString()) : java.util.Optional.<ModelSpec>empty())
                .filter(m -> !m.isSora()).map(VideoErrors::invalidSeconds).orElseGet(VideoErrors::invalidSeconds);
    }

    private CreateVideoRequest json(HttpServletRequest request, String idempotencyKey) {
        byte[] body = readBody(request);
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
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("The JSON body must be an object.", null, "invalid_json");
        }
        String seconds = null;
        JsonNode secondsNode = root.get("seconds");
        if (secondsNode != null && !secondsNode.isNull()) {
            if (!secondsNode.isString()) throw secondsNotAString(root.get("model"));
            seconds = checked("seconds", secondsNode.asString());
        }
        return new CreateVideoRequest(text(root, "prompt"), text(root, "model"), seconds, text(root, "size"),
                jsonReference(root.get("input_reference")), idempotencyKey);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isString()) throw VideoErrors.wrongType(field, "a string", describe(node));
        return checked(field, node.asString());
    }

    /** A text field's value, refused if it holds control characters; a prompt and an image URL (wrapped base64) may hold line breaks. */
    private static String checked(String field, String value) {
        return switch (field) {
            case "prompt" -> TextFields.multiline(value, field);
            case "input_reference[image_url]" -> TextFields.multiline(value, "input_reference");
            case "input_reference[file_id]" -> TextFields.singleLine(value, "input_reference");
            default -> TextFields.singleLine(value, field);
        };
    }

    private byte[] jsonReference(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (!node.isObject()) {
            throw VideoErrors.wrongType("input_reference", "an object like {\"image_url\": \"data:image/png;base64,...\"}", describe(node));
        }
        JsonNode imageUrl = node.get("image_url");
        JsonNode fileId = node.get("file_id");
        if (imageUrl != null && !imageUrl.isNull()) {
            if (!imageUrl.isString()) throw VideoErrors.wrongType("input_reference.image_url", "a string", describe(imageUrl));
            return references.fromImageUrl(checked("input_reference[image_url]", imageUrl.asString()));
        }
        if (fileId != null && !fileId.isNull()) return references.fromFileId(checked("input_reference[file_id]", fileId.asString()));
        throw ApiException.invalid("input_reference must have image_url (a data URL) or file_id.", "input_reference", "invalid_value");
    }

    private static String describe(JsonNode node) {
        if (node.isNumber()) return node.isIntegralNumber() ? "an integer" : "a decimal";
        if (node.isBoolean()) return "a boolean";
        if (node.isArray()) return "an array";
        if (node.isObject()) return "an object";
        if (node.isString()) return "a string";
        return "null";
    }

    private CreateVideoRequest multipart(HttpServletRequest request, String idempotencyKey) {
        String prompt = null, model = null, seconds = null, size = null, imageUrl = null, fileId = null;
        byte[] file = null;
        int files = 0;
        try {
            for (Part part : request.getParts()) {
                String name = part.getName() == null ? "" : part.getName();
                switch (name) {
                    case "input_reference" -> {
                        if (++files > 1) throw VideoErrors.tooManyReferences();
                        file = readFile(part);
                    }
                    case "input_reference[image_url]" -> imageUrl = first(imageUrl, readText(part));
                    case "input_reference[file_id]" -> fileId = first(fileId, readText(part));
                    case "prompt" -> prompt = first(prompt, readText(part));
                    case "model" -> model = first(model, readText(part));
                    case "seconds" -> seconds = first(seconds, readText(part));
                    case "size" -> size = first(size, readText(part));
                    default -> { } // unknown fields are ignored, as the API does
                }
            }
        } catch (IOException | ServletException | IllegalStateException | MultipartException e) {
            throw multipartFailure(e);
        }
        if (file == null && imageUrl != null) file = references.fromImageUrl(imageUrl);
        else if (file == null && fileId != null) file = references.fromFileId(fileId);
        else if (file != null && (imageUrl != null || fileId != null)) throw VideoErrors.tooManyReferences();
        return new CreateVideoRequest(prompt, model, seconds, size, file, idempotencyKey);
    }

    private static RuntimeException multipartFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getSimpleName();
            if (type.contains("SizeLimitExceeded") || type.contains("SizeException") || t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
                return ApiException.tooLarge("The multipart body is larger than this server accepts ("
                        + RequestLimits.describe(RequestLimits.MAX_MULTIPART_BYTES) + " in all, "
                        + RequestLimits.describe(RequestLimits.MAX_FILE_BYTES) + " per file).", "input_reference");
            }
            if (t.getCause() == t) break;
        }
        return ApiException.invalid("The multipart/form-data body could not be parsed; check the boundary and the part headers.",
                null, "invalid_multipart");
    }

    private static String first(String existing, String value) {
        return existing != null ? existing : value;
    }

    private static byte[] readFile(Part part) throws IOException {
        if (part.getSize() > RequestLimits.MAX_FILE_BYTES) {
            throw ApiException.tooLarge("input_reference is larger than the " + RequestLimits.describe(RequestLimits.MAX_FILE_BYTES)
                    + " limit", "input_reference");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String readText(Part part) throws IOException {
        if (part.getSize() > MAX_TEXT_PART_BYTES) {
            throw ApiException.invalid("The form field '" + part.getName() + "' is too long.", part.getName(), "string_above_max_length");
        }
        try (InputStream in = part.getInputStream()) {
            return checked(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static byte[] readBody(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > RequestLimits.MAX_JSON_BYTES) throw jsonTooLarge();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) RequestLimits.MAX_JSON_BYTES + 1);
            if (body.length > RequestLimits.MAX_JSON_BYTES) throw jsonTooLarge();
            return body;
        } catch (IOException e) {
            throw ApiException.invalid("The request body could not be read completely.", null, "invalid_body");
        }
    }

    private static ApiException jsonTooLarge() {
        return ApiException.tooLarge("The JSON body is larger than the " + RequestLimits.describe(RequestLimits.MAX_JSON_BYTES) + " limit.", null);
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader("Idempotency-Key");
        if (key == null || key.isBlank()) return null;
        if (key.length() > 255) {
            throw ApiException.invalid("Idempotency-Key must be at most 255 characters.", null, "invalid_value");
        }
        return key.trim();
    }
}
