package dev.vidgate.engine.relay.dashscope;

import com.sun.net.httpserver.HttpExchange;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.testsupport.FakeHttp;
import dev.vidgate.testsupport.media.TestClips;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alibaba Model Studio's video synthesis as DashScope documents it, over real HTTP: the Bearer key, the mandatory
 * {@code X-DashScope-Async: enable} (refused with DashScope's own message without it), the body checked per model
 * (a text model takes {@code parameters.size}, an image model {@code input.img_url} and a {@code resolution}),
 * {@code {request_id, code, message}} errors, tasks walking {@code PENDING -> RUNNING -> SUCCEEDED} with
 * {@code usage.video_duration}, {@code UNKNOWN} for a task it does not know, and the result behind a signed URL that
 * refuses a request carrying an {@code Authorization} header (as OSS does). Prompts choose a task's fate:
 * "forbidden" fails its content inspection, "never" runs forever, "expire" is forgotten (UNKNOWN), "cancelled" is
 * cancelled, and {@link FakeHttp#signedResult} gives "stale link" and "cut off" their downloads.
 */
final class FakeDashScope implements AutoCloseable {
    static final String KEY = "sk-dashscope-fake-0123456789abcdef";
    static final String CREATE = "/api/v1/services/aigc/video-generation/video-synthesis";
    private static final Set<String> T2V = Set.of("wan2.2-t2v-plus", "wan2.5-t2v-preview");
    private static final Set<String> I2V = Set.of("wan2.2-i2v-plus", "wan2.5-i2v-preview");

    /** What the next create answers instead of taking the job. */
    enum Fault {
        WRONG_KEY(401, "InvalidApiKey", "Invalid API-key provided."),
        BAD_REQUEST(400, "InvalidParameter", "The size is not match the allowed size."),
        THROTTLED(429, "Throttling.RateQuota", "Requests rate limit exceeded, please try again later."),
        ARREARAGE(400, "Arrearage", "Access denied, please make sure your account is in good standing."),
        SERVER(500, "InternalError", "An internal error has occured, please try again later or contact service support."),
        INSPECTION(400, "DataInspectionFailed", "Input data may contain inappropriate content.");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }

    record Task(String id, String model, String prompt, int seconds, AtomicInteger polls) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final FakeHttp http;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> creates = Collections.synchronizedList(new ArrayList<>());
    private final List<String> downloadAuthorizations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    /** Task queries until a task succeeds. */
    volatile int pollsToFinish = 2;
    volatile byte[] video = TestClips.mp4(320, 180, 1);

    private FakeDashScope() {
        http = FakeHttp.start(this::handle);
    }

    static FakeDashScope start() {
        return new FakeDashScope();
    }

    String baseUrl() { return http.baseUrl(); }

    ChannelSettings channel(String name) {
        return ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(KEY), new DashScopeProvider())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    void fail(Fault... next) { faults.addAll(List.of(next)); }

    /** The bodies of the creates it took or refused, in order. */
    List<JsonNode> creates() { synchronized (creates) { return List.copyOf(creates); } }

    /** The {@code Authorization} header of each result download ("" when absent). */
    List<String> downloadAuthorizations() { synchronized (downloadAuthorizations) { return List.copyOf(downloadAuthorizations); } }

    int polls() { return polls.get(); }

    Map<String, Task> tasks() { return tasks; }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.startsWith("/results/")) {
            result(ex, path.substring("/results/".length()).replace(".mp4", ""));
            return;
        }
        if (!("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            error(ex, 401, "InvalidApiKey", "Invalid API-key provided.");
            return;
        }
        if (method.equals("POST") && path.equals(CREATE)) {
            create(ex);
        } else if (method.equals("GET") && path.startsWith("/api/v1/tasks/")) {
            query(ex, path.substring("/api/v1/tasks/".length()));
        } else if (method.equals("POST") && path.startsWith("/api/v1/tasks/") && path.endsWith("/cancel")) {
            cancel(ex, path.substring("/api/v1/tasks/".length(), path.length() - "/cancel".length()));
        } else {
            error(ex, 404, "NotFound", "Not found.");
        }
    }

    private void create(HttpExchange ex) throws IOException {
        JsonNode body = FakeHttp.readJson(ex);
        if (body != null) creates.add(body);
        if (!"enable".equals(ex.getRequestHeaders().getFirst("X-DashScope-Async"))) {
            error(ex, 403, "AccessDenied", "current user api does not support synchronous calls");
            return;
        }
        Fault fault = faults.poll();
        if (fault != null) {
            error(ex, fault.status, fault.code, fault.message);
            return;
        }
        String refusal = body == null ? "The request body is not valid JSON." : DashScopeShape.refusal(body, T2V, I2V);
        if (refusal != null) {
            error(ex, 400, "InvalidParameter", refusal);
            return;
        }
        String id = "0385dc79-5ff8-4d82-bcb6-" + String.format("%012d", ids.incrementAndGet());
        Task task = new Task(id, body.path("model").asString(), body.path("input").path("prompt").asString(),
                body.path("parameters").path("duration").asInt(5), new AtomicInteger());
        tasks.put(id, task);
        ObjectNode answer = json.createObjectNode().put("request_id", requestId());
        answer.putObject("output").put("task_id", id).put("task_status", "PENDING");
        FakeHttp.json(ex, 200, answer);
    }

    private void query(HttpExchange ex, String id) throws IOException {
        polls.incrementAndGet();
        Task task = tasks.get(id);
        ObjectNode answer = json.createObjectNode().put("request_id", requestId());
        ObjectNode output = answer.putObject("output").put("task_id", id);
        if (task == null || (task.prompt().contains("expire") && task.polls().get() >= 1)) {
            output.put("task_status", "UNKNOWN");
            FakeHttp.json(ex, 200, answer);
            return;
        }
        int n = task.polls().incrementAndGet();
        output.put("submit_time", "2026-12-06 20:00:00.000");
        if (task.prompt().contains("cancelled")) {
            output.put("task_status", "CANCELED");
        } else if (n < pollsToFinish || task.prompt().contains("never")) {
            output.put("task_status", n == 1 ? "PENDING" : "RUNNING");
        } else if (task.prompt().contains("forbidden")) {
            output.put("task_status", "FAILED").put("code", "DataInspectionFailed")
                    .put("message", "Output data may contain inappropriate content.");
        } else {
            output.put("task_status", "SUCCEEDED").put("end_time", "2026-12-06 20:01:00.000")
                    .put("video_url", baseUrl() + "/results/" + id + ".mp4?Expires=1765140000&OSSAccessKeyId=LTAI5t&Signature=abc%3D");
            answer.putObject("usage").put("video_duration", task.seconds()).put("video_count", 1).put("SR", 720);
        }
        FakeHttp.json(ex, 200, answer);
    }

    private void cancel(HttpExchange ex, String id) throws IOException {
        Task task = tasks.get(id);
        if (task == null || task.polls().get() > 0) {
            error(ex, 400, "UnsupportedOperation", "Failed to cancel the task, please confirm if the task is in PENDING status.");
            return;
        }
        FakeHttp.json(ex, 200, "{\"request_id\":\"" + requestId() + "\"}");
    }

    private void result(HttpExchange ex, String id) throws IOException {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        downloadAuthorizations.add(authorization == null ? "" : authorization);
        Task task = tasks.get(id);
        FakeHttp.signedResult(ex, task == null ? null : task.prompt(), video);
    }

    private void error(HttpExchange ex, int status, String code, String message) throws IOException {
        FakeHttp.json(ex, status, json.createObjectNode().put("request_id", requestId()).put("code", code).put("message", message));
    }

    private static String requestId() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The first frame a create sent inline ({@code input.img_url} as a data URI), decoded. */
    static byte[] image(JsonNode create) {
        String url = create.path("input").path("img_url").asString("");
        return url.startsWith("data:") ? Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)) : null;
    }

    static boolean isImage(byte[] bytes) {
        return ImageFormat.detect(bytes).isPresent();
    }

    @Override
    public void close() {
        http.close();
    }
}
