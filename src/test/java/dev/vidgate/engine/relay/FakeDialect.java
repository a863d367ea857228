package dev.vidgate.engine.relay;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** How each flavour's upstream writes a job and an error, and what its create refuses (for {@link FakeUpstream}). */
final class FakeDialect {
    private final Flavour flavour;
    private final JsonMapper json;

    FakeDialect(Flavour flavour, JsonMapper json) {
        this.flavour = flavour;
        this.json = json;
    }

    /** What each flavour's create would refuse in a JSON body. */
    String refusal(JsonNode body) {
        JsonNode seconds = body.get("seconds");
        return switch (flavour) {
            case SGLANG -> seconds != null && !seconds.isIntegralNumber() ? "seconds: Input should be a valid integer" : null;
            case TRTLLM -> {
                for (var name : body.propertyNames()) {
                    if (!List.of("prompt", "model", "size", "seconds", "fps", "seed", "negative_prompt").contains(name)) {
                        yield "Extra inputs are not permitted: " + name;
                    }
                }
                yield seconds != null && !seconds.isNumber() ? "seconds: Input should be a valid number" : null;
            }
            case OPENAI, AZURE -> seconds != null && !seconds.isString() ? "seconds must be one of \"4\", \"8\", \"12\"" : null;
            case VLLM_OMNI -> null;
        };
    }

    ObjectNode shape(FakeJob job, FakeUpstream.Step step) {
        ObjectNode node = json.createObjectNode().put("id", job.id).put("object", "video")
                .put("model", job.model == null ? "sora-2" : job.model).put("status", step.status()).put("created_at", job.createdAt)
                .put("size", job.size);
        switch (flavour) {
            case TRTLLM -> {
                node.putNull("progress");
                node.put("prompt", job.prompt).put("duration", job.seconds == null ? 4.0 : Double.parseDouble(job.seconds)).put("fps", 24.0);
                if ("failed".equals(step.status())) node.put("error", "Video generation failed: CUDA out of memory"); else node.putNull("error");
                return node;
            }
            case SGLANG -> node.put("file_path", "/srv/outputs/" + job.id + ".mp4");
            case VLLM_OMNI -> node.put("prompt", job.prompt).put("quality", "default").put("media_type", "video/mp4");
            case OPENAI, AZURE -> node.put("prompt", job.prompt).put("quality", "standard");
        }
        if (step.progress() != null) node.put("progress", step.progress());
        node.put("seconds", job.seconds == null ? "4" : job.seconds);
        node.put("remixed_from_video_id", job.remixedFrom);
        if ("failed".equals(step.status())) {
            node.putObject("error").put("code", "moderation_blocked")
                    .put("message", "Blocked by the safety system; see https://fake.example/policy for " + job.id);
        } else {
            node.putNull("error");
        }
        return node;
    }

    /** An error in the flavour's own shape. */
    FakeUpstream.Reply error(int status, String message) {
        ObjectNode node = json.createObjectNode();
        switch (flavour) {
            case SGLANG -> node.put("detail", message);
            case TRTLLM -> node.put("object", "error").put("message", message).put("type", "BadRequestError").putNull("param").put("code", status);
            default -> node.putObject("error").put("message", message).put("type", "invalid_request_error").putNull("param").putNull("code");
        }
        return new FakeUpstream.Reply(status, "application/json", json.writeValueAsBytes(node));
    }
}
