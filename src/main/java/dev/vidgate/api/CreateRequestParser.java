package dev.vidgate.api;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.common.ApiException;
import dev.vidgate.video.CreateVideoRequest;
import dev.vidgate.video.VideoErrors;
import dev.vidgate.video.reference.ReferenceImages;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a create or remix body, JSON, multipart or urlencoded ({@link RequestBody}), into a {@link CreateVideoRequest}.
 * Only the shape is checked here (the parameters' names: {@link BodyParameters}; types, one file, sizes, no control
 * characters in text: {@link TextFields}); the values are the video service's business.
 */
final class CreateRequestParser {
    private final ObjectMapper json;
    private final ReferenceResolver references;
    private final ModelCatalog catalog;
    private final ParameterSettings parameters;

    CreateRequestParser(ObjectMapper json, ReferenceResolver references, ModelCatalog catalog, ParameterSettings parameters) {
        this.json = json;
        this.parameters = parameters;
        this.references = references;
        this.catalog = catalog;
    }

    /** A create: JSON, multipart or urlencoded, holding only the parameters {@link BodyParameters#CREATE} lists. */
    CreateVideoRequest parse(HttpServletRequest request) {
        String idempotencyKey = idempotencyKey(request);
        RequestBody body = RequestBody.read(request, json);
        BodyParameters.CREATE.check(body, parameters);
        return switch (body) {
            case RequestBody.Json j -> json(j.root(), idempotencyKey);
            case RequestBody.Form form -> form(form, idempotencyKey);
        };
    }

    /** A remix: a prompt only, in any of the three bodies. */
    CreateVideoRequest remix(HttpServletRequest request) {
        String idempotencyKey = idempotencyKey(request);
        RequestBody body = RequestBody.read(request, json);
        BodyParameters.REMIX.check(body, parameters);
        String prompt = switch (body) {
            case RequestBody.Json j -> text(j.root(), "prompt");
            case RequestBody.Form form -> form.fields().stream().filter(f -> f.name().equals("prompt")).findFirst()
                    .map(CreateRequestParser::readText).orElse(null);
        };
        return CreateVideoRequest.remix(prompt, idempotencyKey);
    }

    /** The durations of the model the body names (the seed's message for a Sora model as shipped), else the seed's message. */
    private ApiException secondsNotAString(JsonNode model) {
        return (model != null && model.isString() ? catalog.find(model.asString()) : java.util.Optional.<ModelSpec>empty())
                .map(VideoErrors::invalidSeconds).orElseGet(VideoErrors::invalidSeconds);
    }

    private CreateVideoRequest json(JsonNode root, String idempotencyKey) {
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

    private CreateVideoRequest form(RequestBody.Form form, String idempotencyKey) {
        String prompt = null, model = null, seconds = null, size = null, negativePrompt = null, seed = null, audio = null;
        var reference = new ImageField("input_reference");
        var lastFrame = new ImageField("last_frame");
        for (FormField field : form.fields()) {
            String name = field.name();
            if (reference.read(field) || lastFrame.read(field)) continue;
            switch (name) {
                case "prompt" -> prompt = first(prompt, readText(field));
                case "model" -> model = first(model, readText(field));
                case "seconds" -> seconds = first(seconds, readText(field));
                case "size" -> size = first(size, readText(field));
                case "negative_prompt" -> negativePrompt = first(negativePrompt, readText(field));
                case "seed" -> seed = first(seed, readText(field));
                case "generate_audio" -> audio = first(audio, readText(field));
                default -> { } // only where the operator lets unknown parameters through (BodyParameters)
            }
        }
        return new CreateVideoRequest(prompt, model, seconds, size, reference.resolve(references), idempotencyKey, negativePrompt,
                seed == null ? null : seed.trim(), generateAudio(audio), lastFrame.resolve(references));
    }

    private static String first(String existing, String value) {
        return existing != null ? existing : value;
    }

    /** A form field's text, refused if it holds control characters (see {@link #checked}). */
    static String readText(FormField field) {
        return checked(field.name(), field.text());
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
