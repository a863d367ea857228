package dev.vidgate.engine.relay.kling;

import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.Set;

/**
 * What Kling checks in a create body before it makes a task, with its service codes: an unknown {@code model_name}
 * is 404/1203, every other mistake 400/1201 with a message naming the field. {@link #check} answers the refusal or
 * {@code null}.
 */
final class KlingBodyCheck {
    static final Set<String> MODELS = Set.of("kling-v1", "kling-v1-6", "kling-v2-master", "kling-v2-1-master",
            "kling-v2-5-turbo", "kling-v2-6");
    private static final Set<String> RATIOS = Set.of("16:9", "9:16", "1:1");

    /** A refusal: HTTP status, service code, message. */
    record Refusal(int status, int code, String message) {}

    private KlingBodyCheck() {}

    static Refusal check(JsonNode body, boolean imageToVideo) {
        if (body == null || !body.isObject()) return invalid("Invalid request parameters: the body must be a JSON object");
        String model = text(body, "model_name");
        if (model == null || !MODELS.contains(model)) return new Refusal(404, 1203, "model_name is not supported: " + model);
        String prompt = text(body, "prompt");
        if (!imageToVideo && (prompt == null || prompt.isBlank())) return invalid("prompt is required");
        if (prompt != null && prompt.length() > 2500) return invalid("prompt must not exceed 2500 characters");
        String negative = text(body, "negative_prompt");
        if (negative != null && negative.length() > 2500) return invalid("negative_prompt must not exceed 2500 characters");
        JsonNode duration = body.get("duration");
        if (duration != null && !(duration.isString() && Set.of("5", "10").contains(duration.asString()))) {
            return invalid("duration must be the string \"5\" or \"10\"");
        }
        String mode = text(body, "mode");
        if (mode != null && !Set.of("std", "pro").contains(mode)) return invalid("mode must be std or pro");
        String ratio = text(body, "aspect_ratio");
        if (ratio != null && !RATIOS.contains(ratio)) return invalid("aspect_ratio must be 16:9, 9:16 or 1:1");
        String sound = text(body, "sound");
        if (sound != null && !Set.of("on", "off").contains(sound)) return invalid("sound must be on or off");
        if (sound != null && !"kling-v2-6".equals(model)) return invalid("sound is not supported by " + model);
        if (!imageToVideo && (body.has("image") || body.has("image_tail"))) return invalid("image is not a field of text2video");
        String callback = text(body, "callback_url");
        if (callback != null && !callback.matches("https?://.+")) return invalid("callback_url must be an http or https URL");
        if (imageToVideo) {
            if (!body.has("image") && !body.has("image_tail")) return invalid("image or image_tail is required");
            for (String field : new String[] {"image", "image_tail"}) {
                if (body.has(field) && !isJpegOrPngBase64(text(body, field))) {
                    return invalid(field + " must be a JPG or PNG image as a URL or raw Base64 (no data: prefix)");
                }
            }
        }
        return null;
    }

    /** The decoded image of a field the check accepted. */
    static byte[] image(JsonNode body, String field) {
        return body.has(field) ? Base64.getDecoder().decode(text(body, field)) : null;
    }

    private static boolean isJpegOrPngBase64(String value) {
        if (value == null || value.startsWith("data:")) return false;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8;
        boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        return jpeg || png;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Refusal invalid(String message) {
        return new Refusal(400, 1201, message);
    }
}
