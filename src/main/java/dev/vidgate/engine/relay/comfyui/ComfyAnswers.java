package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ErrorText;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads ComfyUI's answers: {@code /prompt}'s refusals, {@code /queue}, and a {@code /history} entry as an {@link UpstreamVideo}. */
final class ComfyAnswers {
    /** File endings of a video or animation, preferred over a sequence of stills. */
    private static final Set<String> MOVING = Set.of("mp4", "webm", "mkv", "mov", "gif", "webp");

    private final ObjectMapper json;
    private final String[] secrets;

    ComfyAnswers(ObjectMapper json, String... secrets) {
        this.json = json;
        this.secrets = secrets;
    }

    JsonNode object(Answer answer) throws UpstreamException {
        JsonNode node = UpstreamAnswers.objectOrNull(json, answer);
        if (node != null) return node;
        throw new UpstreamException(Kind.BROKEN, "ComfyUI answered HTTP " + answer.status() + " with something that is not a JSON object.",
                answer.status(), null, null);
    }

    /**
     * {@code /prompt}'s 400 {@code {error: {type, message, details}, node_errors: {id: {errors: [...], class_type}}}}:
     * the graph was refused, with the first node's first error.
     */
    UpstreamException refusedPrompt(Answer answer) {
        JsonNode body;
        try {
            body = object(answer);
        } catch (UpstreamException e) {
            return new UpstreamException(Kind.REJECTED, "ComfyUI refused the workflow (HTTP " + answer.status() + ").", answer.status(), null, null);
        }
        JsonNode error = body.path("error");
        String text = error.isString() ? error.asString() : error.path("message").asString("ComfyUI refused the workflow");
        StringBuilder message = new StringBuilder("ComfyUI refused the workflow: ").append(text.replaceAll("[.\\s]+$", ""));
        for (Map.Entry<String, JsonNode> node : body.path("node_errors").properties()) {
            JsonNode first = node.getValue().path("errors").path(0);
            message.append("; node ").append(node.getKey()).append(" (").append(node.getValue().path("class_type").asString("?")).append("): ")
                    .append(first.path("message").asString("invalid"));
            String details = first.path("details").asString("");
            if (!details.isBlank()) message.append(": ").append(details);
            break;
        }
        return new UpstreamException(Kind.REJECTED, ErrorText.clean(message.toString(), secrets), answer.status(), "invalid_workflow", null);
    }

    /** The prompt ids running and waiting in {@code /queue}: items are {@code [number, prompt_id, graph, extra_data, outputs]}. */
    record Queue(Set<String> running, Set<String> pending) {
        boolean has(String id) { return running.contains(id) || pending.contains(id); }
    }

    Queue queue(Answer answer) throws UpstreamException {
        JsonNode body = object(answer);
        return new Queue(ids(body.path("queue_running")), ids(body.path("queue_pending")));
    }

    private static Set<String> ids(JsonNode items) {
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items) ids.add(item.path(1).asString(""));
        return ids;
    }

    /**
     * One finished (or failed) prompt from {@code /history/{id}}; {@code null} when the entry is not complete yet.
     * A success's locator lists the saved files and the size and length asked for ({@code extra_data.vidgate}).
     */
    UpstreamVideo finished(String id, JsonNode entry, ObjectNode target) {
        JsonNode status = entry.path("status");
        String result = status.path("status_str").asString("");
        for (JsonNode message : status.path("messages")) {
            String type = message.path(0).asString("");
            if (type.equals("execution_interrupted")) {
                return new UpstreamVideo(id, "interrupted", UpstreamPhase.CANCELLED, null, null, null, null, null, null);
            }
            if (type.equals("execution_error")) return failed(id, message.path(1));
        }
        if (result.equals("error")) return failed(id, json.createObjectNode());
        if (!status.isMissingNode() && !status.path("completed").asBoolean(false) && !result.equals("success")) return null;
        ArrayNode files = outputFiles(entry.path("outputs"));
        if (files.isEmpty()) {
            return new UpstreamVideo(id, "success", UpstreamPhase.FAILED, null, null, null, "invalid_workflow_output",
                    "The workflow finished without saving a video or images.", null);
        }
        ObjectNode locator = target.deepCopy().set("files", files);
        return new UpstreamVideo(id, "success", UpstreamPhase.SUCCEEDED, 100, (double) target.path("seconds").asInt(),
                null, null, null, null, locator.toString(), null);
    }

    /** {@code execution_error}: the node and the exception; running out of GPU memory is its own, retryable code. */
    private UpstreamVideo failed(String id, JsonNode error) {
        String type = error.path("exception_type").asString("");
        String said = error.path("exception_message").asString("").trim();
        boolean memory = (type + " " + said).toLowerCase(Locale.ROOT).contains("out of memory")
                || type.endsWith("OutOfMemoryError");
        String node = error.path("node_id").asString("");
        String message = (node.isBlank() ? "ComfyUI failed" : "ComfyUI node " + node + " (" + error.path("node_type").asString("?") + ") failed")
                + (memory ? ": the GPU ran out of memory" : said.isBlank() ? "" : ": " + said);
        return new UpstreamVideo(id, "error", UpstreamPhase.FAILED, null, null, null,
                memory ? "upstream_out_of_memory" : "upstream_failed", ErrorText.clean(message, secrets), null);
    }

    /**
     * The files worth converting among every node's outputs ({@code images}, {@code gifs}, {@code videos}, of type
     * {@code output}): the first video or animation (core {@code SaveVideo} lists its MP4 under {@code images}), else
     * every still of the first node that saved some, in order.
     */
    private ArrayNode outputFiles(JsonNode outputs) {
        ArrayNode stills = null;
        for (Map.Entry<String, JsonNode> node : outputs.properties()) {
            ArrayNode mine = json.createArrayNode();
            for (String key : new String[] {"videos", "gifs", "images"}) {
                for (JsonNode file : node.getValue().path(key)) {
                    if (!"output".equals(file.path("type").asString("output")) || file.path("filename").asString("").isBlank()) continue;
                    ObjectNode entry = json.createObjectNode().put("filename", file.path("filename").asString())
                            .put("subfolder", file.path("subfolder").asString("")).put("type", "output");
                    if (MOVING.contains(extension(entry.path("filename").asString())) && moves(node.getValue(), key)) {
                        return json.createArrayNode().add(entry);
                    }
                    mine.add(entry);
                }
            }
            if (stills == null && !mine.isEmpty()) stills = mine;
        }
        return stills == null ? json.createArrayNode() : stills;
    }

    /** A WebP under {@code images} is a still unless the node says it is animated; other moving kinds always move. */
    private static boolean moves(JsonNode node, String key) {
        return !key.equals("images") || node.path("animated").path(0).asBoolean(true);
    }

    static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
