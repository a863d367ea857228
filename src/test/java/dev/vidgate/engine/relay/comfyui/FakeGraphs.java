package dev.vidgate.engine.relay.comfyui;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * What {@link FakeComfyUi} checks like ComfyUI's {@code validate_prompt}: node classes it has (the core nodes
 * the shipped workflows use), links to existing nodes, and values of the right type for the inputs a job fills
 * (an unfilled {@code "{{width}}"} is not an INT); and the multipart body of {@code /upload/image}.
 */
final class FakeGraphs {
    static final Set<String> CLASSES = Set.of("UNETLoader", "CLIPLoader", "VAELoader", "ModelSamplingSD3", "CLIPTextEncode",
            "EmptyHunyuanLatentVideo", "WanImageToVideo", "KSamplerAdvanced", "KSampler", "VAEDecode", "CreateVideo", "SaveVideo",
            "LoadImage", "SaveAnimatedWEBP", "SaveImage", "SaveWEBM");
    private static final Map<String, Set<String>> INTS = Map.of(
            "EmptyHunyuanLatentVideo", Set.of("width", "height", "length"),
            "WanImageToVideo", Set.of("width", "height", "length"),
            "KSamplerAdvanced", Set.of("noise_seed", "steps"),
            "CreateVideo", Set.of("fps"));

    private FakeGraphs() {}

    static ObjectNode validate(JsonNode graph, Set<String> uploaded, JsonMapper json) {
        ObjectNode errors = json.createObjectNode();
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            String type = node.getValue().path("class_type").asString("");
            if (!CLASSES.contains(type)) {
                errors.set(node.getKey(), error(json, type, "invalid_prompt", "Cannot execute because node " + type + " does not exist.", ""));
                continue;
            }
            for (Map.Entry<String, JsonNode> input : node.getValue().path("inputs").properties()) {
                JsonNode value = input.getValue();
                if (value.isArray() && !graph.has(value.path(0).asString(""))) {
                    errors.set(node.getKey(), error(json, type, "bad_linked_input", "Bad linked input", input.getKey()));
                } else if (INTS.getOrDefault(type, Set.of()).contains(input.getKey()) && !value.isNumber()) {
                    errors.set(node.getKey(), error(json, type, "invalid_input_type", "Failed to convert an input value to a INT value",
                            input.getKey() + ", " + value));
                } else if (type.equals("LoadImage") && input.getKey().equals("image") && !uploaded.contains(value.asString(""))) {
                    errors.set(node.getKey(), error(json, type, "custom_validation_failed", "Custom validation failed for node",
                            "image - Invalid image file: " + value.asString("")));
                } else if (value.isString() && value.asString().contains("{{")) {
                    errors.set(node.getKey(), error(json, type, "value_not_valid", "Value not valid", input.getKey() + ": " + value));
                }
            }
        }
        return errors;
    }

    static ObjectNode error(JsonMapper json, String classType, String type, String message, String details) {
        ObjectNode node = json.createObjectNode();
        node.putArray("errors").addObject().put("type", type).put("message", message).put("details", details).putObject("extra_info");
        node.putArray("dependent_outputs");
        node.put("class_type", classType);
        return node;
    }

    record Upload(String name, byte[] bytes, String type) {}

    /** The {@code image} part (and the {@code type} field) of a multipart body, or {@code null} when there is none. */
    static Upload multipartImage(String contentType, byte[] body) {
        if (contentType == null || !contentType.startsWith("multipart/form-data; boundary=")) return null;
        String boundary = "--" + contentType.substring(contentType.indexOf('=') + 1);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String name = null;
        byte[] image = null;
        String type = "input";
        for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) continue;
            String headers = part.substring(0, headerEnd);
            String content = part.substring(headerEnd + 4, Math.max(headerEnd + 4, part.length() - 2));
            if (headers.contains("name=\"image\"")) {
                int at = headers.indexOf("filename=\"");
                name = at < 0 ? "image.png" : headers.substring(at + 10, headers.indexOf('"', at + 10));
                image = content.getBytes(StandardCharsets.ISO_8859_1);
            } else if (headers.contains("name=\"type\"")) {
                type = content;
            }
        }
        return image == null ? null : new Upload(name, image, type);
    }
}
