package dev.vidgate.engine.relay.fal;

import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.Set;

/**
 * The input checks of Pika 2.2 on fal, from its schema ({@code fal.ai/models/fal-ai/pika/v2.2/text-to-video/api}):
 * {@code prompt} required; {@code duration} the integer 5 or 10; {@code resolution} 720p or 1080p; {@code aspect_ratio}
 * one of seven ratios (text to video); {@code seed} an integer; {@code image_url} required for image to video, here a
 * {@code data:} URI whose bytes must be a real image. A violation is fal's 422 with a typed {@code detail} list.
 */
final class PikaInputCheck {
    private static final Set<String> RATIOS = Set.of("16:9", "9:16", "1:1", "4:5", "5:4", "3:2", "2:3");

    private PikaInputCheck() {}

    /** fal's 422 body for {@code input}, or {@code null} when Pika takes it. */
    static String refusal(JsonNode input, boolean imageToVideo) {
        if (input == null || !input.isObject()) return error("body", "Input should be a valid dictionary", "dict_type");
        JsonNode prompt = input.get("prompt");
        if (prompt == null || !prompt.isString() || prompt.asString().isBlank()) return error("prompt", "Field required", "missing");
        JsonNode duration = input.get("duration");
        if (duration != null && (!duration.isIntegralNumber() || (duration.asInt() != 5 && duration.asInt() != 10))) {
            return error("duration", "Input should be 5 or 10", "literal_error");
        }
        JsonNode resolution = input.get("resolution");
        if (resolution != null && !Set.of("720p", "1080p").contains(resolution.asString(""))) {
            return error("resolution", "Input should be '720p' or '1080p'", "literal_error");
        }
        JsonNode ratio = input.get("aspect_ratio");
        if (!imageToVideo && ratio != null && !RATIOS.contains(ratio.asString(""))) {
            return error("aspect_ratio", "Input should be '16:9', '9:16', '1:1', '4:5', '5:4', '3:2' or '2:3'", "literal_error");
        }
        JsonNode seed = input.get("seed");
        if (seed != null && !seed.isNull() && !seed.isIntegralNumber()) return error("seed", "Input should be a valid integer", "int_type");
        if (imageToVideo) {
            JsonNode image = input.get("image_url");
            if (image == null || !image.isString()) return error("image_url", "Field required", "missing");
            if (image(image.asString()) == null) return error("image_url", "Could not load the image from the given URL or data URI", "image_load_error");
        }
        return null;
    }

    /** The bytes of a {@code data:} URI holding a JPEG, PNG or WebP image, else {@code null}. */
    static byte[] image(String dataUri) {
        int comma = dataUri.indexOf(',');
        if (!dataUri.startsWith("data:image/") || comma < 0 || !dataUri.substring(0, comma).endsWith(";base64")) return null;
        try {
            byte[] bytes = Base64.getDecoder().decode(dataUri.substring(comma + 1));
            return ImageFormat.detect(bytes).isPresent() ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String error(String field, String message, String type) {
        return "{\"detail\":[{\"loc\":[\"body\",\"" + field + "\"],\"msg\":\"" + message + "\",\"type\":\"" + type + "\"}]}";
    }
}
