package dev.vidgate.engine.relay.runway;

import dev.vidgate.engine.relay.FakeProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runway's developer API as its SDK documents it: Bearer key and {@code X-Runway-Version: 2024-11-06} on every request
 * (401 / 400 {@code {"error": ...}} otherwise), {@code POST /v1/image_to_video} and {@code /v1/text_to_video} checked per
 * model (endpoint, ratio, duration, promptText up to 1000 UTF-16 units, promptImage), tasks at {@code /v1/tasks/{id}}
 * walking {@code PENDING, THROTTLED, RUNNING, SUCCEEDED} one step per poll, and {@code DELETE} to cancel or delete. A
 * prompt with "forbidden" fails its task with {@code SAFETY.INPUT.TEXT}, as Runway's moderation does.
 */
final class FakeRunway extends FakeProvider {
    static final String KEY = "key_runway_fake_0123456789abcdef";

    /** Per model: whether text_to_video takes it, its ratios by endpoint, its durations. */
    private record Model(boolean text, Set<String> textRatios, Set<String> imageRatios, Set<Integer> durations) {}

    private static final Set<String> GEN4 = Set.of("1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672");
    private static final Set<String> VEO = Set.of("1280:720", "720:1280", "1080:1920", "1920:1080");
    private static final Set<Integer> TWO_TO_TEN = Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10);
    private static final Map<String, Model> MODELS = Map.of(
            "gen4_turbo", new Model(false, Set.of(), GEN4, TWO_TO_TEN),
            "gen4.5", new Model(true, Set.of("1280:720", "720:1280"), GEN4, TWO_TO_TEN),
            "veo3.1_fast", new Model(true, VEO, VEO, Set.of(4, 6, 8)));

    static final class Task {
        final String id = UUID.randomUUID().toString();
        final String prompt;
        final String createdAt = Instant.now().toString();
        volatile int polls;
        volatile boolean deleted;
        /** The numbers of the first and the latest result URL handed out. */
        volatile int firstUrl;
        volatile int latestUrl;

        Task(String prompt) {
            this.prompt = prompt;
        }
    }

    final Map<String, Task> tasks = new ConcurrentHashMap<>();
    /** Statuses of a task's 1st, 2nd, ... poll ({@code "RUNNING@0.4"}); the last repeats. */
    volatile List<String> script = List.of("PENDING", "THROTTLED", "RUNNING@0.4", "RUNNING@0.8", "SUCCEEDED");

    /**
     * When set, each poll of a finished task hands out a new result URL and older ones stop working, and the first is
     * stale by the time it is used: as if it had expired between the poll and the download ("fetch the task again to get
     * fresh URLs").
     */
    volatile boolean rotatingUrls;

    FakeRunway() {
        super(KEY);
    }

    @Override
    protected Reply answer(Seen request) {
        if (!("Bearer " + acceptedKey).equals(request.header("Authorization"))) return error(401, "Invalid API key.");
        if (readFault != null && request.method().equals("GET")) {
            return error(readFault, readFault == 429 ? "You have exceeded the rate limit." : "An internal error occurred.");
        }
        if (!"2024-11-06".equals(request.header("X-Runway-Version"))) {
            return error(400, "The X-Runway-Version header is missing or names an unknown version.");
        }
        String path = request.path();
        if (request.method().equals("POST") && (path.equals("/v1/image_to_video") || path.equals("/v1/text_to_video"))) {
            return create(path.endsWith("image_to_video"), request.json());
        }
        if (path.startsWith("/v1/tasks/")) {
            Task task = tasks.get(path.substring("/v1/tasks/".length()));
            if (task == null || task.deleted) return error(404, "Task not found.");
            return switch (request.method()) {
                case "GET" -> new Reply(200, shape(task));
                case "DELETE" -> {
                    task.deleted = true;
                    yield new Reply(204, null);
                }
                default -> error(405, "Method not allowed.");
            };
        }
        return error(404, "Not found.");
    }

    private Reply create(boolean image, JsonNode body) {
        if (createFault != null) {
            return error(createFault, createFault == 429 ? "You have exceeded the rate limit." : "An internal error occurred.");
        }
        if (body == null || !body.isObject()) return error(400, "Invalid JSON body.");
        Model model = MODELS.get(body.path("model").asString(""));
        if (model == null || (!image && !model.text())) return error(400, "Validation of body failed: model is not valid for this endpoint.");
        String prompt = body.path("promptText").asString(null);
        if (!image && (prompt == null || prompt.isEmpty())) return error(400, "Validation of body failed: promptText is required.");
        if (prompt != null && prompt.length() > 1000) return error(400, "Validation of body failed: promptText is too long.");
        Set<String> ratios = image ? model.imageRatios() : model.textRatios();
        if (!ratios.contains(body.path("ratio").asString(""))) return error(400, "Validation of body failed: ratio is not valid.");
        if (!body.path("duration").isInt() || !model.durations().contains(body.path("duration").asInt())) {
            return error(400, "Validation of body failed: duration is not valid.");
        }
        if (image && !validImage(body.get("promptImage"))) return error(400, "Validation of body failed: promptImage is not valid.");
        if (!image && body.has("promptImage")) return error(400, "Validation of body failed: promptImage is not allowed.");
        Task task = new Task(prompt == null ? "" : prompt);
        tasks.put(task.id, task);
        return new Reply(200, object().put("id", task.id));
    }

    private static boolean validImage(JsonNode image) {
        if (image == null) return false;
        if (image.isString()) return uri(image.asString());
        if (!image.isArray() || image.isEmpty()) return false;
        for (JsonNode frame : image) {
            String position = frame.path("position").asString("");
            if (!uri(frame.path("uri").asString("")) || !(position.equals("first") || position.equals("last"))) return false;
        }
        return true;
    }

    private static boolean uri(String uri) {
        return uri.startsWith("https://") || uri.matches("data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+");
    }

    private ObjectNode shape(Task task) {
        ObjectNode node = object().put("id", task.id).put("createdAt", task.createdAt);
        if (task.prompt.contains("forbidden")) {
            return node.put("status", "FAILED").put("failure", "The prompt text did not pass content moderation.")
                    .put("failureCode", "SAFETY.INPUT.TEXT");
        }
        List<String> steps = script;
        String step = steps.get(Math.min(task.polls++, steps.size() - 1));
        int at = step.indexOf('@');
        String status = at < 0 ? step : step.substring(0, at);
        node.put("status", status);
        if (at >= 0) node.put("progress", Double.parseDouble(step.substring(at + 1)));
        if (status.equals("SUCCEEDED")) node.putArray("output").add(fileUrl(task.id) + "&v=" + issue(task));
        if (status.equals("FAILED")) node.put("failure", "An unexpected error occurred.").put("failureCode", "INTERNAL.BAD_OUTPUT.CODE01");
        return node;
    }

    private static int issue(Task task) {
        int n = task.latestUrl + 1;
        if (task.firstUrl == 0) task.firstUrl = n;
        task.latestUrl = n;
        return n;
    }

    @Override
    protected boolean fresh(String name, String query) {
        if (!rotatingUrls) return true;
        Task task = tasks.get(name.replace(".mp4", ""));
        String v = query == null ? "" : query.replaceAll(".*[?&]?v=(\\d+).*", "$1");
        return task != null && v.equals(Integer.toString(task.latestUrl)) && task.latestUrl != task.firstUrl;
    }

    private Reply error(int status, String message) {
        return new Reply(status, object().put("error", message));
    }
}
