package dev.vidgate.engine.relay.ark;

import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks Ark makes of a create body before it queues a task, each answered the way Ark answers it: a missing
 * field is {@code MissingParameter}, a wrong one {@code InvalidParameter} (both 400, naming the parameter), a model
 * it does not serve {@code InvalidEndpointOrModel.NotFound} (404), a prompt its moderation refuses
 * {@code InputTextSensitiveContentDetected} (400).
 */
final class ArkCreateCheck {
    /** What the fake's models take: images (first and last frame) and the optional audio switch. */
    record Model(boolean images, boolean optionalAudio) {}

    static final Map<String, Model> MODELS = Map.of(
            "seedance-1-0-pro-250528", new Model(true, false),
            "seedance-1-0-lite-t2v-250428", new Model(false, false),
            "seedance-1-5-pro-251215", new Model(true, true));
    private static final Set<String> RATIOS = Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");
    private static final Set<String> RESOLUTIONS = Set.of("480p", "720p", "1080p");
    private static final Set<String> ROLES = Set.of("first_frame", "last_frame", "reference_image");
    private static final Pattern DATA_URI = Pattern.compile("data:image/(png|jpeg|webp);base64,(.+)", Pattern.DOTALL);

    /** A refusal: HTTP status, Ark error code and message. */
    record Refusal(int status, String code, String message) {}

    private ArkCreateCheck() {}

    /** Why Ark refuses {@code body}, or {@code null} when it takes it. */
    static Refusal refusal(JsonNode body) {
        if (body == null || !body.isObject()) return invalid("body", "The request body is not a valid JSON object.");
        JsonNode model = body.get("model");
        if (model == null || !model.isString() || model.asString().isBlank()) return missing("model");
        Model spec = MODELS.get(model.asString());
        if (spec == null) {
            return new Refusal(404, "InvalidEndpointOrModel.NotFound", "The model or endpoint " + model.asString()
                    + " does not exist or you do not have access to it.");
        }
        JsonNode content = body.get("content");
        if (content == null || !content.isArray() || content.isEmpty()) return missing("content");
        Refusal inContent = content(content, spec);
        if (inContent != null) return inContent;
        if (body.has("ratio") && !RATIOS.contains(body.get("ratio").asString())) return invalid("ratio", null);
        if (body.has("resolution") && !RESOLUTIONS.contains(body.get("resolution").asString())) return invalid("resolution", null);
        JsonNode duration = body.get("duration");
        if (duration != null && (!duration.isIntegralNumber() || duration.asInt() < 2 || duration.asInt() > 12)) {
            return invalid("duration", null);
        }
        JsonNode seed = body.get("seed");
        if (seed != null && (!seed.isIntegralNumber() || seed.asLong() < -1 || seed.asLong() > 4294967295L)) return invalid("seed", null);
        if (body.has("watermark") && !body.get("watermark").isBoolean()) return invalid("watermark", null);
        JsonNode audio = body.get("generate_audio");
        if (audio != null && (!audio.isBoolean() || !spec.optionalAudio())) return invalid("generate_audio", null);
        JsonNode callback = body.get("callback_url");
        if (callback != null && !(callback.isString() && callback.asString().matches("https?://.+"))) return invalid("callback_url", null);
        return null;
    }

    private static Refusal content(JsonNode content, Model spec) {
        boolean first = false;
        boolean last = false;
        int texts = 0;
        for (int i = 0; i < content.size(); i++) {
            JsonNode item = content.get(i);
            String type = item.path("type").asString("");
            if (type.equals("text")) {
                texts++;
                String text = item.path("text").asString("");
                if (text.contains("forbidden")) {
                    return new Refusal(400, "InputTextSensitiveContentDetected",
                            "The request failed because the input text may contain sensitive information.");
                }
            } else if (type.equals("image_url")) {
                if (!spec.images()) return invalid("content[" + i + "]", "The model does not support image input.");
                String url = item.path("image_url").path("url").asString("");
                if (!image(url)) return invalid("content[" + i + "].image_url", null);
                String role = item.path("role").asString("first_frame");
                if (!ROLES.contains(role)) return invalid("content[" + i + "].role", null);
                first |= role.equals("first_frame");
                last |= role.equals("last_frame");
            } else {
                return invalid("content[" + i + "].type", null);
            }
        }
        if (texts > 1) return invalid("content", "Only one text item is allowed.");
        if (last && !first) return invalid("content", "A last_frame image needs a first_frame image.");
        return null;
    }

    private static boolean image(String url) {
        if (url.startsWith("https://")) return true;
        Matcher m = DATA_URI.matcher(url);
        if (!m.matches()) return false;
        try {
            return Base64.getDecoder().decode(m.group(2)).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Refusal missing(String parameter) {
        return new Refusal(400, "MissingParameter", "The request failed because it is missing `" + parameter
                + "` parameter. Request id: 021765012345678fake0000");
    }

    private static Refusal invalid(String parameter, String why) {
        return new Refusal(400, "InvalidParameter", "The parameter `" + parameter + "` specified in the request is not valid"
                + (why == null ? "." : ": " + why) + " Request id: 021765012345678fake0000");
    }
}
