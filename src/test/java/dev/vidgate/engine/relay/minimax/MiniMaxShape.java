package dev.vidgate.engine.relay.minimax;

import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.List;

/** The fake's checks of MiniMax create bodies, answering {@code invalid params, ...} (code 2013) as MiniMax does. */
final class MiniMaxShape {
    private static final List<String> RATIOS = List.of("adaptive", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16");

    private MiniMaxShape() {}

    /** Why v1 would refuse {@code body}, or {@code null}. */
    static String v1(JsonNode body) {
        String model = body.path("model").asString("");
        if (!model.equals("MiniMax-Hailuo-02") && !model.equals("MiniMax-Hailuo-2.3")) return "invalid params, model not support";
        if (!body.path("prompt").isString() || body.path("prompt").asString().length() > 2000) return "invalid params, prompt";
        JsonNode duration = body.path("duration");
        if (!duration.isIntegralNumber() || (duration.asInt() != 6 && duration.asInt() != 10)) return "invalid params, duration";
        String resolution = body.path("resolution").asString("");
        if (!List.of("768P", "1080P").contains(resolution)) return "invalid params, resolution";
        if (resolution.equals("1080P") && duration.asInt() != 6) return "invalid params, 1080P supports only 6 seconds";
        if (body.has("first_frame_image") && !image(body.path("first_frame_image").asString(""))) return "invalid params, first_frame_image";
        if (body.has("last_frame_image")) {
            if (!model.equals("MiniMax-Hailuo-02") || !body.has("first_frame_image")) return "invalid params, last_frame_image not support";
            if (!image(body.path("last_frame_image").asString(""))) return "invalid params, last_frame_image";
        }
        if (body.has("callback_url") && !body.path("callback_url").asString("").matches("https?://.+")) return "invalid params, callback_url";
        return null;
    }

    /** Why v2 would refuse {@code body}, or {@code null}. */
    static String v2(JsonNode body) {
        if (!body.path("model").asString("").equals("MiniMax-H3")) return "invalid params, model not support";
        JsonNode content = body.path("content");
        if (!content.isArray() || content.isEmpty() || !content.path(0).path("type").asString("").equals("text")) {
            return "invalid params, content must start with the text";
        }
        boolean images = false;
        for (JsonNode item : content) {
            String type = item.path("type").asString("");
            if (type.equals("image_url")) {
                images = true;
                if (!List.of("first_frame", "last_frame").contains(item.path("role").asString(""))) return "invalid params, role";
                if (!image(item.path("image_url").path("url").asString(""))) return "invalid params, image_url";
            } else if (!type.equals("text")) {
                return "invalid params, content type";
            }
        }
        if (!List.of("768P", "2K").contains(body.path("resolution").asString(""))) return "invalid params, resolution";
        JsonNode duration = body.path("duration");
        if (!duration.isIntegralNumber() || duration.asInt() < 4 || duration.asInt() > 15) return "invalid params, duration";
        String ratio = body.path("ratio").asString("");
        if (!images && (ratio.isEmpty() || ratio.equals("adaptive"))) return "invalid params, ratio is required for text to video";
        if (!ratio.isEmpty() && !RATIOS.contains(ratio)) return "invalid params, ratio";
        return null;
    }

    /** A data URI of a JPEG, PNG or WebP, or an http(s) URL. */
    static boolean image(String url) {
        if (url.matches("https?://.+")) return true;
        if (!url.startsWith("data:image/") || !url.contains(";base64,")) return false;
        try {
            return ImageFormat.detect(decoded(url)).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] decoded(String dataUri) {
        return Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
    }
}
