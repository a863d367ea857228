package dev.vidgate.engine.relay.google;

import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.Set;

/** How Veo checks a {@code predictLongRunning} body: the first problem, in words like Google's, or {@code null}. */
final class VeoShape {
    private static final Set<String> INSTANCE_FIELDS = Set.of("prompt", "image", "lastFrame", "referenceImages", "video", "mask");
    private static final Set<String> PARAMETERS = Set.of("aspectRatio", "resolution", "durationSeconds", "negativePrompt",
            "personGeneration", "sampleCount", "enhancePrompt", "seed", "generateAudio", "storageUri", "fps", "compressionQuality",
            "resizeMode", "pubsubTopic");
    private static final Set<String> VERTEX_ONLY = Set.of("seed", "generateAudio", "storageUri", "fps", "compressionQuality",
            "resizeMode", "pubsubTopic");

    private VeoShape() {}

    static String problem(JsonNode body, boolean gemini) {
        if (body == null || !body.isObject()) return "Invalid JSON payload received. Expected an object.";
        for (String name : body.propertyNames()) {
            boolean known = name.equals("instances") || name.equals("parameters") || gemini && name.equals("webhookConfig");
            if (!known) return "Invalid JSON payload received. Unknown name \"" + name + "\": Cannot find field.";
        }
        if (body.has("webhookConfig")) {
            JsonNode uris = body.get("webhookConfig").path("uris");
            if (!uris.isArray() || uris.isEmpty() || !uris.get(0).asString("").startsWith("http")) {
                return "webhookConfig.uris must list at least one URI.";
            }
        }
        JsonNode instances = body.path("instances");
        if (!instances.isArray() || instances.size() != 1 || !instances.get(0).isObject()) {
            return "instances must hold exactly one instance.";
        }
        JsonNode instance = instances.get(0);
        for (String name : instance.propertyNames()) {
            if (!INSTANCE_FIELDS.contains(name)) return "Invalid JSON payload received. Unknown name \"" + name + "\" at 'instances[0]'.";
        }
        if (!instance.path("prompt").isString() || instance.path("prompt").asString().isBlank()) return "prompt is required.";
        for (String image : new String[] {"image", "lastFrame"}) {
            if (instance.has(image)) {
                String wrong = image(instance.get(image));
                if (wrong != null) return image + ": " + wrong;
            }
        }
        JsonNode parameters = body.path("parameters");
        if (!parameters.isObject()) return "parameters must be an object.";
        for (String name : parameters.propertyNames()) {
            if (!PARAMETERS.contains(name)) return "Invalid JSON payload received. Unknown name \"" + name + "\" at 'parameters'.";
            if (gemini && VERTEX_ONLY.contains(name)) {
                return "`" + name + "` isn't supported by this model. Please remove it or refer to the Gemini API documentation for supported usage.";
            }
        }
        if (!Set.of("16:9", "9:16").contains(parameters.path("aspectRatio").asString(""))) {
            return "Aspect ratio must be 16:9 or 9:16.";
        }
        if (!Set.of("720p", "1080p", "4k").contains(parameters.path("resolution").asString(""))) {
            return "Resolution must be 720p, 1080p or 4k.";
        }
        JsonNode duration = parameters.path("durationSeconds");
        if (!duration.isIntegralNumber() || !Set.of(4, 6, 8).contains(duration.asInt())) {
            return "The number value for `durationSeconds` is out of bound. Please provide a value between 4 and 8, inclusive.";
        }
        if (parameters.has("seed") && !parameters.get("seed").isIntegralNumber()) return "seed must be an integer.";
        if (parameters.has("generateAudio") && !parameters.get("generateAudio").isBoolean()) return "generateAudio must be a boolean.";
        return null;
    }

    private static String image(JsonNode image) {
        if (!image.isObject() || !image.path("bytesBase64Encoded").isString()) return "bytesBase64Encoded is required.";
        if (!image.path("mimeType").asString("").startsWith("image/")) return "mimeType must be an image type.";
        try {
            if (Base64.getDecoder().decode(image.path("bytesBase64Encoded").asString()).length == 0) return "the image is empty.";
        } catch (IllegalArgumentException e) {
            return "bytesBase64Encoded is not valid base64.";
        }
        return null;
    }
}
