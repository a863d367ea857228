package dev.vidgate.engine.relay.dashscope;

import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The fake's check of a video-synthesis body, per model, with messages in DashScope's words where they are known. */
final class DashScopeShape {
    private static final List<String> SIZES_22 = List.of("832*480", "480*832", "624*624", "1920*1080", "1080*1920", "1440*1440",
            "1632*1248", "1248*1632");
    private static final List<String> SIZES_25 = List.of("832*480", "480*832", "624*624", "1280*720", "720*1280", "960*960",
            "1088*832", "832*1088", "1920*1080", "1080*1920", "1440*1440", "1632*1248", "1248*1632");

    private DashScopeShape() {}

    /** Why DashScope would refuse {@code body}, or {@code null} when it would take it. */
    static String refusal(JsonNode body, Set<String> textModels, Set<String> imageModels) {
        String model = body.path("model").asString("");
        if (!textModels.contains(model) && !imageModels.contains(model)) return "Model not exist.";
        JsonNode input = body.path("input");
        JsonNode parameters = body.path("parameters");
        if (!input.isObject() || !input.path("prompt").isString()) return "Field required: input.prompt";
        if (!parameters.isObject()) return "Field required: parameters";
        boolean wan25 = model.startsWith("wan2.5");
        if (textModels.contains(model)) {
            if (input.has("img_url")) return "img_url is not supported by a text-to-video model.";
            if (!(wan25 ? SIZES_25 : SIZES_22).contains(parameters.path("size").asString(""))) {
                return "The size is not match the allowed size.";
            }
        } else {
            String url = input.path("img_url").asString("");
            if (!url.startsWith("data:image/") || !url.contains(";base64,")) return "Field required: input.img_url";
            try {
                if (!FakeDashScope.isImage(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)))) {
                    return "The image format is not supported.";
                }
            } catch (IllegalArgumentException e) {
                return "The image is not valid base64.";
            }
            List<String> tiers = wan25 ? List.of("480P", "720P", "1080P") : List.of("480P", "1080P");
            if (!tiers.contains(parameters.path("resolution").asString(""))) return "The resolution is invalid.";
            if (parameters.has("size")) return "size is not supported by an image-to-video model.";
        }
        JsonNode duration = parameters.path("duration");
        if (!duration.isIntegralNumber() || !(wan25 ? List.of(5, 10) : List.of(5)).contains(duration.asInt())) {
            return "The duration is invalid.";
        }
        if (parameters.has("watermark") && !parameters.path("watermark").isBoolean()) return "watermark must be a boolean.";
        if (parameters.has("audio") && !wan25) return "audio is not supported by this model.";
        return null;
    }
}
