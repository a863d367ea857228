package dev.vidgate.engine.relay.minimax;

import com.sun.net.httpserver.HttpExchange;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.testsupport.FakeHttp;
import dev.vidgate.testsupport.media.TestClips;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MiniMax's video generation as its API reference documents it, over real HTTP. v1: {@code POST /v1/video_generation},
 * {@code GET /v1/query/video_generation?task_id=} walking {@code Queueing -> Processing -> Success} with a
 * {@code file_id}, {@code GET /v1/files/retrieve?file_id=} giving the {@code download_url}; errors as
 * {@code base_resp} in an HTTP 200 answer. v2 (H3): {@code POST /v2/video_generation} with {@code content[]},
 * {@code GET /v2/query/video_generation/{id}} walking {@code queued -> running -> succeeded} with {@code content.url}
 * and {@code usage}. Bodies are checked per model ({@link MiniMaxShape}). Prompts choose a task's fate: "forbidden"
 * fails on sensitive content (1026), "never" runs forever, "no result" succeeds without a file or URL, and
 * {@link FakeHttp#signedResult} gives "stale link" and "cut off" their downloads.
 */
final class FakeMiniMax implements AutoCloseable {
    static final String KEY = "sk-minimax-fake-0123456789abcdef";

    /** What the next create answers instead of taking the job: {@code base_resp} codes, or a gateway's 502. */
    enum Fault {
        WRONG_KEY(1004, "login fail: Please carry the API secret key in the 'Authorization' field of the request header"),
        RATE_LIMIT(1002, "rate limit exceeded(RPM)"),
        BALANCE(1008, "insufficient balance"),
        SENSITIVE(1026, "input new_sensitive"),
        PARAMS(2013, "invalid params, duration: 8 is not supported"),
        GATEWAY(0, "");

        final int code;
        final String message;

        Fault(int code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    record Task(String id, boolean v2, String prompt, int seconds, AtomicInteger polls) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final FakeHttp http;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> creates = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong(106916112212000L);
    /** Task queries until a task succeeds. */
    volatile int pollsToFinish = 2;
    volatile byte[] video = TestClips.mp4(320, 180, 1);

    private FakeMiniMax() {
        http = FakeHttp.start(this::handle);
    }

    static FakeMiniMax start() {
        return new FakeMiniMax();
    }

    String baseUrl() { return http.baseUrl(); }

    ChannelSettings channel(String name) {
        return ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(KEY), new MiniMaxProvider())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    void fail(Fault... next) { faults.addAll(List.of(next)); }

    List<JsonNode> creates() { synchronized (creates) { return List.copyOf(creates); } }

    Map<String, Task> tasks() { return tasks; }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.startsWith("/results/")) {
            Task task = tasks.get(path.substring("/results/".length()).replace(".mp4", ""));
            FakeHttp.signedResult(ex, task == null ? null : task.prompt(), video);
            return;
        }
        if (!("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            baseResp(ex, json.createObjectNode(), Fault.WRONG_KEY.code, Fault.WRONG_KEY.message);
            return;
        }
        String method = ex.getRequestMethod();
        if (method.equals("POST") && (path.equals("/v1/video_generation") || path.equals("/v2/video_generation"))) {
            create(ex, path.startsWith("/v2"));
        } else if (method.equals("GET") && path.equals("/v1/query/video_generation")) {
            v1Query(ex, query(ex, "task_id"));
        } else if (method.equals("GET") && path.startsWith("/v2/query/video_generation/")) {
            v2Query(ex, path.substring("/v2/query/video_generation/".length()));
        } else if (method.equals("GET") && path.equals("/v1/files/retrieve")) {
            file(ex, query(ex, "file_id"));
        } else {
            FakeHttp.json(ex, 404, "{\"base_resp\":{\"status_code\":1000,\"status_msg\":\"not found\"}}");
        }
    }

    private void create(HttpExchange ex, boolean v2) throws IOException {
        JsonNode body = FakeHttp.readJson(ex);
        if (body != null) creates.add(body);
        Fault fault = faults.poll();
        if (fault == Fault.GATEWAY) {
            FakeHttp.send(ex, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (fault != null) {
            baseResp(ex, json.createObjectNode(), fault.code, fault.message);
            return;
        }
        String refusal = body == null ? "invalid params, body is not json" : v2 ? MiniMaxShape.v2(body) : MiniMaxShape.v1(body);
        if (refusal != null) {
            baseResp(ex, json.createObjectNode(), 2013, refusal);
            return;
        }
        String id = Long.toString(ids.incrementAndGet());
        String prompt = v2 ? body.path("content").path(0).path("text").asString("") : body.path("prompt").asString("");
        tasks.put(id, new Task(id, v2, prompt, body.path("duration").asInt(6), new AtomicInteger()));
        ObjectNode answer = json.createObjectNode().put("task_id", id);
        if (v2) {
            FakeHttp.json(ex, 200, answer);
        } else {
            baseResp(ex, answer, 0, "success");
        }
    }

    private void v1Query(HttpExchange ex, String id) throws IOException {
        Task task = tasks.get(id);
        if (task == null || task.v2()) {
            baseResp(ex, json.createObjectNode(), 2013, "invalid params, task_id not found");
            return;
        }
        int n = task.polls().incrementAndGet();
        ObjectNode answer = json.createObjectNode().put("task_id", id);
        if (n < pollsToFinish || task.prompt().contains("never")) {
            answer.put("status", n == 1 ? "Queueing" : "Processing").put("file_id", "");
        } else if (task.prompt().contains("forbidden")) {
            answer.put("status", "Fail").put("file_id", "");
            baseResp(ex, answer, 1026, "output video sensitive");
            return;
        } else {
            answer.put("status", "Success").put("file_id", task.prompt().contains("no result") ? "" : "2100" + id)
                    .put("video_width", 1366).put("video_height", 768);
        }
        baseResp(ex, answer, 0, "success");
    }

    private void v2Query(HttpExchange ex, String id) throws IOException {
        Task task = tasks.get(id);
        if (task == null || !task.v2()) {
            FakeHttp.json(ex, 404, "{\"base_resp\":{\"status_code\":2013,\"status_msg\":\"task not found\"}}");
            return;
        }
        int n = task.polls().incrementAndGet();
        ObjectNode answer = json.createObjectNode();
        ObjectNode t = answer.putObject("task").put("id", id).put("model", "MiniMax-H3").put("created_at", 1765051200L);
        if (n < pollsToFinish || task.prompt().contains("never")) {
            t.put("status", n == 1 ? "queued" : "running");
        } else if (task.prompt().contains("forbidden")) {
            t.put("status", "failed").putObject("error").put("code", "1026").put("message", "output video sensitive");
        } else {
            t.put("status", "succeeded");
            if (!task.prompt().contains("no result")) t.putObject("content").put("url", baseUrl() + "/results/" + id + ".mp4?Expires=1765140000&Signature=x");
            t.putObject("usage").put("total_seconds", task.seconds()).put("input_seconds", 0).put("output_seconds", task.seconds());
        }
        FakeHttp.json(ex, 200, answer);
    }

    private void file(HttpExchange ex, String fileId) throws IOException {
        String id = fileId == null || !fileId.startsWith("2100") ? null : fileId.substring(4);
        if (id == null || !tasks.containsKey(id)) {
            baseResp(ex, json.createObjectNode(), 2013, "invalid params, file_id not found");
            return;
        }
        ObjectNode answer = json.createObjectNode();
        answer.putObject("file").put("file_id", Long.parseLong(fileId)).put("bytes", video.length).put("created_at", 1765051200L)
                .put("filename", "output.mp4").put("purpose", "video_generation")
                .put("download_url", baseUrl() + "/results/" + id + ".mp4?Expires=1765140000&Signature=x");
        baseResp(ex, answer, 0, "success");
    }

    private static void baseResp(HttpExchange ex, ObjectNode answer, int code, String message) throws IOException {
        answer.putObject("base_resp").put("status_code", code).put("status_msg", message);
        FakeHttp.json(ex, 200, answer);
    }

    private static String query(HttpExchange ex, String name) {
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) return null;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    @Override
    public void close() {
        http.close();
    }
}
