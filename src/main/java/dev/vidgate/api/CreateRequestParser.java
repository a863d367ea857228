package dev.vidgate.api;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.common.ApiException;
import dev.vidgate.video.CreateVideoRequest;
import dev.vidgate.video.VideoErrors;
import dev.vidgate.video.reference.ReferenceImages;
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
        return switch (BodyKind.of(request)) {
            case MULTIPART -> multipart(request, idempotencyKey);
            case JSON -> json(request, idempotencyKey);
        };
    }

    /** The durations of the model the body names (the seed's message for a Sora model as shipped), else the seed's message. */
    private ApiException secondsNotAString(JsonNode model) {
        return (model != null && model.isString() ? catalog.find(model.asString()) : java.util.Optional.<ModelSpec>empty())
                .map(VideoErrors::invalidSeconds).orElseGet(VideoErrors::invalidSeconds);
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
                jsonImage(root, "input_reference"), idempotencyKey, text(root, "negative_prompt"), seed(root.get("seed")),
                generateAudio(root.get("generate_audio")), jsonImage(root, "last_frame"));
    }

    /** A JSON integer, as its digits (the video service checks the range); anything else is the wrong type. */
    private static String seed(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (!node.isIntegralNumber()) throw VideoErrors.wrongType("seed", "an integer", describe(node));
        return node.toString();
    }

    private static Boolean generateAudio(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (!node.isBoolean()) throw VideoErrors.wrongType("generate_audio", "a boolean", describe(node));
        return node.booleanValue();
    }

    /** A multipart {@code generate_audio}: {@code true} or {@code false}. */
    private static Boolean generateAudio(String text) {
        if (text == null) return null;
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("Invalid 'generate_audio': expected true or false.", "generate_audio", "invalid_value");
        };
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isString()) throw VideoErrors.wrongType(field, "a string", describe(node));
        return checked(field, node.asString());
    }

    /**
     * A text field's value, refused if it holds control characters; a prompt, a negative prompt and an image URL (wrapped
     * base64) may hold line breaks.
     */
    private static String checked(String field, String value) {
        return switch (field) {
            case "prompt", "negative_prompt" -> TextFields.multiline(value, field);
            case "input_reference[image_url]", "last_frame[image_url]" -> TextFields.multiline(value, imageField(field));
            case "input_reference[file_id]", "last_frame[file_id]" -> TextFields.singleLine(value, imageField(field));
            default -> TextFields.singleLine(value, field);
        };
    }

    private static String imageField(String part) {
        return part.substring(0, part.indexOf('['));
    }

    /** {@code {"image_url": "data:..."}} (or {@code file_id}) under {@code field}: {@code input_reference}, {@code last_frame}. */
    private byte[] jsonImage(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isObject()) {
            throw VideoErrors.wrongType(field, "an object like {\"image_url\": \"data:image/png;base64,...\"}", describe(node));
        }
        JsonNode imageUrl = node.get("image_url");
        JsonNode fileId = node.get("file_id");
        if (imageUrl != null && !imageUrl.isNull()) {
            if (!imageUrl.isString()) throw VideoErrors.wrongType(field + ".image_url", "a string", describe(imageUrl));
            String url = checked(field + "[image_url]", imageUrl.asString());
            return ReferenceImages.named(field, () -> references.fromImageUrl(url));
        }
        if (fileId != null && !fileId.isNull()) {
            String id = checked(field + "[file_id]", fileId.asString());
            return ReferenceImages.named(field, () -> references.fromFileId(id));
        }
        throw ApiException.invalid(field + " must have image_url (a data URL) or file_id.", field, "invalid_value");
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
        String prompt = null, model = null, seconds = null, size = null, negativePrompt = null, seed = null, audio = null;
        var reference = new ImageField("input_reference");
        var lastFrame = new ImageField("last_frame");
        try {
            for (Part part : request.getParts()) {
                String name = part.getName() == null ? "" : part.getName();
                if (reference.read(part, name) || lastFrame.read(part, name)) continue;
                switch (name) {
                    case "prompt" -> prompt = first(prompt, readText(part));
                    case "model" -> model = first(model, readText(part));
                    case "seconds" -> seconds = first(seconds, readText(part));
                    case "size" -> size = first(size, readText(part));
                    case "negative_prompt" -> negativePrompt = first(negativePrompt, readText(part));
                    case "seed" -> seed = first(seed, readText(part));
                    case "generate_audio" -> audio = first(audio, readText(part));
                    default -> { } // unknown fields are ignored, as the API does
                }
            }
        } catch (IOException | ServletException | IllegalStateException | MultipartException e) {
            throw multipartFailure(e);
        }
        return new CreateVideoRequest(prompt, model, seconds, size, reference.resolve(references), idempotencyKey, negativePrompt,
                seed == null ? null : seed.trim(), generateAudio(audio), lastFrame.resolve(references));
    }

    static RuntimeException multipartFailure(Exception e) {
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

    static String readText(Part part) throws IOException {
        if (part.getSize() > MAX_TEXT_PART_BYTES) {
            throw ApiException.invalid("The form field '" + part.getName() + "' is too long.", part.getName(), "string_above_max_length");
        }
        try (InputStream in = part.getInputStream()) {
            return checked(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static byte[] readBody(HttpServletRequest request) {
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

    static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader("Idempotency-Key");
        if (key == null || key.isBlank()) return null;
        if (key.length() > 255) {
            throw ApiException.invalid("Idempotency-Key must be at most 255 characters.", null, "invalid_value");
        }
        return key.trim();
    }
}
