package dev.vidgate.engine.relay.luma;

import dev.vidgate.engine.relay.FakeProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Luma's Dream Machine API as its SDK documents it, under {@code /dream-machine/v1}: a Bearer key, {@code POST
 * /generations/video} (and the older {@code /generations}) checked field by field (model, aspect_ratio, "5s"/"9s",
 * resolution, keyframes of type image whose URLs it fetches, as Luma does), {@code GET /generations/{id}} walking
 * {@code queued, dreaming, completed} one step per poll, and {@code DELETE}. Errors are FastAPI's {@code {"detail": ...}}
 * (the SDK leaves them untyped). A prompt with "forbidden" fails with Luma's moderation reason.
 */
final class FakeLuma extends FakeProvider {
    static final String KEY = "luma-fake-0123456789abcdef0123456789";
    static final String PREFIX = "/dream-machine/v1";

    private static final Set<String> MODELS = Set.of("ray-1-6", "ray-2", "ray-flash-2");
    private static final Set<String> RATIOS = Set.of("1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21");
    private static final Set<String> RESOLUTIONS = Set.of("540p", "720p", "1080p", "4k");

    static final class Generation {
        final String id = UUID.randomUUID().toString();
        final JsonNode request;
        final String createdAt = Instant.now().toString();
        volatile int polls;
        volatile boolean deleted;
        /** Set when the generation finished on its own ({@link #finishAfter}); polls then answer it. */
        volatile boolean finished;

        Generation(JsonNode request) {
            this.request = request;
        }
    }

    final Map<String, Generation> generations = new ConcurrentHashMap<>();
    /** The keyframe images fetched, by generation id and frame ({@code frame0}, {@code frame1}). */
    final Map<String, byte[]> fetched = new ConcurrentHashMap<>();
    /** States of a generation's 1st, 2nd, ... poll; the last repeats. {@code completed-bare} completes without a video. */
    volatile List<String> script = List.of("queued", "dreaming", "completed");

    /**
     * When set, a generation completes on its own this long after its create, whether polled or not, and Luma POSTs the
     * Generation object to its {@code callback_url} (as Luma does when a generation is dreaming, completed or failed).
     */
    volatile Duration finishAfter;
    /** The callbacks sent: the HTTP status each got. */
    final List<Integer> callbacksAnswered = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    String baseUrl() {
        return root() + PREFIX;
    }

    FakeLuma() {
        super(KEY);
    }

    @Override
    protected Reply answer(Seen request) {
        if (!("Bearer " + acceptedKey).equals(request.header("Authorization"))) return error(401, "Invalid API key");
        if (readFault != null && request.method().equals("GET")) return error(readFault, readFault == 429 ? "Rate limit exceeded" : "Internal Server Error");
        String path = request.path().startsWith(PREFIX) ? request.path().substring(PREFIX.length()) : "";
        if (request.method().equals("POST") && (path.equals("/generations/video") || path.equals("/generations"))) {
            return create(request.json());
        }
        if (path.startsWith("/generations/")) {
            Generation generation = generations.get(path.substring("/generations/".length()));
            if (generation == null || generation.deleted) return error(404, "Generation not found");
            return switch (request.method()) {
                case "GET" -> new Reply(200, shape(generation));
                case "DELETE" -> {
                    generation.deleted = true;
                    yield new Reply(204, null);
                }
                default -> error(405, "Method Not Allowed");
            };
        }
        return error(404, "Not Found");
    }

    private Reply create(JsonNode body) {
        if (createFault != null) {
            return error(createFault, switch (createFault) {
                case 429 -> "Too many concurrent generations";
                case 402 -> "Insufficient credits";
                default -> "Internal Server Error";
            });
        }
        if (body == null || !body.isObject()) return error(400, "Invalid JSON body");
        String problem = MODELS.contains(body.path("model").asString("")) ? null : "model";
        if (body.has("aspect_ratio") && !RATIOS.contains(body.path("aspect_ratio").asString(""))) problem = "aspect_ratio";
        if (body.has("resolution") && !RESOLUTIONS.contains(body.path("resolution").asString(""))) problem = "resolution";
        if (body.has("duration") && !body.path("duration").asString("").matches("[59]s")) problem = "duration";
        if (!body.path("prompt").isString()) problem = "prompt";
        if (problem != null) return error(400, "Invalid value for " + problem);
        Generation generation = new Generation(body);
        for (String frame : List.of("frame0", "frame1")) {
            JsonNode keyframe = body.path("keyframes").get(frame);
            if (keyframe == null) continue;
            if (!"image".equals(keyframe.path("type").asString("")) || !keyframe.path("url").isString()) {
                return error(400, "Invalid value for keyframes." + frame);
            }
            byte[] image = fetch(keyframe.path("url").asString());
            if (image == null) return error(400, "failed to fetch image for keyframes." + frame);
            fetched.put(generation.id + "/" + frame, image);
        }
        generations.put(generation.id, generation);
        Duration after = finishAfter;
        if (after != null) timer.schedule(() -> finishOnItsOwn(generation), after.toMillis(), TimeUnit.MILLISECONDS);
        return new Reply(201, base(generation).put("state", "queued"));
    }

    private void finishOnItsOwn(Generation generation) {
        generation.finished = true;
        String callback = generation.request.path("callback_url").asString(null);
        if (callback != null) callbacksAnswered.add(post(callback, json.writeValueAsBytes(shape(generation))));
    }

    private ObjectNode base(Generation generation) {
        ObjectNode node = object().put("id", generation.id).put("created_at", generation.createdAt)
                .put("model", generation.request.path("model").asString()).put("generation_type", "video");
        node.set("request", generation.request);
        node.putNull("failure_reason");
        node.putObject("assets");
        return node;
    }

    private ObjectNode shape(Generation generation) {
        ObjectNode node = base(generation);
        if (generation.request.path("prompt").asString("").contains("forbidden")) {
            return node.put("state", "failed").put("failure_reason", "400: prompt not allowed because advanced moderation failed");
        }
        if (generation.finished) return completed(node, generation);
        List<String> steps = script;
        String state = steps.get(Math.min(generation.polls++, steps.size() - 1));
        if (state.equals("completed-bare")) return node.put("state", "completed");
        if (state.equals("completed")) return completed(node, generation);
        node.put("state", state);
        if (state.equals("failed")) node.put("failure_reason", "Job failed due to an internal error");
        return node;
    }

    private ObjectNode completed(ObjectNode node, Generation generation) {
        ((ObjectNode) node.get("assets")).put("video", fileUrl(generation.id)).put("image", root() + "/files/" + generation.id + ".jpg");
        return node.put("state", "completed");
    }

    @Override
    public void close() {
        timer.shutdownNow();
        super.close();
    }

    private Reply error(int status, String detail) {
        return new Reply(status, object().put("detail", detail));
    }
}
