package dev.vidgate.engine.relay.ark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.FaultPlan;
import dev.vidgate.testsupport.ProviderCallbacks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Volcengine Ark's video task API over real HTTP on 127.0.0.1 ({@code /api/v3/contents/generations/tasks}), as its
 * documentation and the recorded BytePlus answer in the research notes show it: Bearer key (a wrong one gets
 * {@code 401 AuthenticationError}), the create body checked as Ark checks it ({@link ArkCreateCheck}), answers
 * {@code {"id":"cgt-..."}}, tasks walking {@code queued -> running -> succeeded} (or a {@link #script}) with
 * {@code usage} tokens and a signed result URL on {@link FakeTos}, {@code DELETE} cancelling a queued task, refusing a
 * running one and deleting a finished one. Faults: canned error answers per route ({@link #fail}).
 */
final class FakeArk implements AutoCloseable {
    static final String KEY = "ark-0123456789abcdef-fake-key";
    private static final String PREFIX = "/api/v3/contents/generations/tasks";

    enum Route { CREATE, RETRIEVE, DELETE }

    /** One request as the fake saw it. */
    record Seen(Route route, String path, Map<String, List<String>> headers, JsonNode json) {}

    /** A canned answer instead of the normal one. */
    record Canned(int status, String contentType, String body) {}

    /** One task. */
    static final class Task {
        final String id;
        final JsonNode request;
        final long createdAt;
        volatile int polls;
        volatile String forced;
        /** Set when the task finished on its own ({@link #finishAfter}); polls then answer it. */
        volatile boolean finished;

        Task(String id, JsonNode request, long createdAt) {
            this.id = id;
            this.request = request;
            this.createdAt = createdAt;
        }
    }

    final FakeTos tos = new FakeTos();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final JsonMapper json = JsonMapper.builder().build();
    private final InstantSource clock;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final FaultPlan<Route, Canned> faults = new FaultPlan<>(Route.class);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** The status of a task's 1st, 2nd, ... poll; the last repeats. */
    volatile List<String> script = List.of("queued", "running", "succeeded");
    /** Whether a succeeded task comes without its {@code content.video_url} (a broken answer). */
    volatile boolean withoutVideoUrl;
    /** The key Ark accepts (a channel with another gets {@code 401 AuthenticationError}). */
    volatile String acceptedKey = KEY;
    /**
     * When set, a task succeeds this long after its create, polled or not, and Ark POSTs the task to the create's
     * {@code callback_url} (as Ark does when a task's status changes).
     */
    volatile Duration finishAfter;
    /** The callbacks sent. */
    final ProviderCallbacks callbacks = new ProviderCallbacks();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** The {@code error} of a task that fails: code and message. */
    volatile String[] failure = {"InternalServiceError", "The service encountered an unexpected internal error."};

    FakeArk(InstantSource clock) {
        this.clock = clock;
        server = FakeTos.serve(executor, this::handle);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3";
    }

    /** An {@code ark} channel here serving {@code sora-2} as {@code upstreamModel}, with test-friendly timeouts. */
    ChannelSettings channel(String name, String upstreamModel) {
        return ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(KEY), new ArkProvider())
                .withModels(Map.of("sora-2", upstreamModel))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** Ark's error body. */
    static Canned error(int status, String code, String message) {
        return new Canned(status, "application/json", "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                + " Request id: 021765012345678fake0001\",\"param\":\"\",\"type\":\"" + (status == 429 ? "TooManyRequests"
                : status >= 500 ? "InternalServerError" : status == 401 ? "Unauthorized" : "BadRequest") + "\"}}");
    }

    void fail(Route route, Canned... queued) {
        faults.queue(route, queued);
    }

    void failAlways(Route route, Canned fault) {
        faults.always(route, fault);
    }

    List<Seen> seen(Route route) {
        return seen.stream().filter(s -> s.route() == route).toList();
    }

    Task task(String id) { return tasks.get(id); }

    /** The task ids handed out so far. */
    Set<String> ids() {
        return tasks.keySet();
    }


    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!path.startsWith(PREFIX)) {
                send(ex, error(404, "InvalidEndpoint.NotFound", "The requested path is not found."));
                return;
            }
            if (!("Bearer " + acceptedKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, error(401, "AuthenticationError", "The API key or AK/SK in the request is missing or invalid."));
                return;
            }
            String rest = path.substring(PREFIX.length());
            String id = rest.startsWith("/") && rest.length() > 1 ? rest.substring(1) : null;
            String method = ex.getRequestMethod();
            Route route = id == null ? (method.equals("POST") ? Route.CREATE : null)
                    : method.equals("GET") ? Route.RETRIEVE : method.equals("DELETE") ? Route.DELETE : null;
            if (route == null) {
                send(ex, error(405, "MethodNotAllowed", "The method is not allowed for the requested path."));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode parsed = null;
            try {
                parsed = body.length == 0 ? null : json.readTree(body);
            } catch (RuntimeException e) {
                // refused below as Ark refuses a body that is not JSON
            }
            seen.add(new Seen(route, path, Map.copyOf(ex.getRequestHeaders()), parsed));
            Canned fault = faults.next(route);
            send(ex, fault != null ? fault : switch (route) {
                case CREATE -> create(parsed);
                case RETRIEVE -> retrieve(id);
                case DELETE -> delete(id);
            });
        } catch (IOException e) {
            // the client went away
        }
    }

    private Canned create(JsonNode body) {
        ArkCreateCheck.Refusal refusal = ArkCreateCheck.refusal(body);
        if (refusal != null) return error(refusal.status(), refusal.code(), refusal.message());
        String id = "cgt-20261206" + String.format("%06d", ids.incrementAndGet()) + "-fake";
        Task task = new Task(id, body, clock.instant().getEpochSecond());
        tasks.put(id, task);
        Duration after = finishAfter;
        if (after != null) timer.schedule(() -> finishOnItsOwn(task), after.toMillis(), TimeUnit.MILLISECONDS);
        return ok(json.createObjectNode().put("id", id));
    }

    private Canned retrieve(String id) {
        Task task = tasks.get(id);
        if (task == null) return error(404, "ResourceNotFound", "The specified task " + id + " is not found.");
        task.polls++;
        return ok(shape(task, statusOf(task)));
    }

    private Canned delete(String id) {
        Task task = tasks.get(id);
        if (task == null) return error(404, "ResourceNotFound", "The specified task " + id + " is not found.");
        String status = task.polls == 0 ? "queued" : statusOf(task);
        switch (status) {
            case "queued" -> task.forced = "cancelled";
            case "succeeded", "failed", "expired" -> tasks.remove(id);
            default -> {
                return error(400, "InvalidParameter", "The task " + id + " in status " + status + " cannot be cancelled or deleted.");
            }
        }
        return ok(json.createObjectNode());
    }

    private void finishOnItsOwn(Task task) {
        task.finished = true;
        String callback = task.request.path("callback_url").asString(null);
        if (callback != null) callbacks.post(callback, json.writeValueAsBytes(shape(task, "succeeded")));
    }

    String statusOf(Task task) {
        if (task.forced != null) return task.forced;
        if (task.finished) return "succeeded";
        List<String> steps = script;
        return steps.get(Math.min(Math.max(0, task.polls - 1), steps.size() - 1));
    }

    /** The task object, shaped like the recorded BytePlus answer. */
    private ObjectNode shape(Task task, String status) {
        JsonNode request = task.request;
        int duration = request.path("duration").asInt(5);
        String resolution = request.path("resolution").asString("720p");
        ObjectNode node = json.createObjectNode().put("id", task.id).put("model", request.path("model").asString())
                .put("status", status).put("created_at", task.createdAt).put("updated_at", clock.instant().getEpochSecond())
                .put("seed", request.path("seed").asLong(17918)).put("resolution", resolution)
                .put("ratio", request.path("ratio").asString("16:9")).put("duration", duration).put("framespersecond", 24)
                .put("service_tier", "default").put("execution_expires_after", 172800).put("draft", false);
        if (status.equals("succeeded") && !withoutVideoUrl) {
            node.putObject("content").put("video_url", tos.url(task.id)).put("last_frame_url", tos.url(task.id).replace(".mp4", ".png"));
            long tokens = tokens(resolution, duration);
            node.putObject("usage").put("completion_tokens", tokens).put("total_tokens", tokens);
        }
        if (status.equals("failed")) node.putObject("error").put("code", failure[0]).put("message", failure[1]);
        return node;
    }

    /** Ark's count: width x height x 24 fps x seconds / 1024, at the 16:9 size of the tier. */
    static long tokens(String resolution, int seconds) {
        int[] size = switch (resolution) {
            case "480p" -> new int[] {864, 480};
            case "1080p" -> new int[] {1920, 1088};
            default -> new int[] {1248, 704};
        };
        return (long) size[0] * size[1] * 24 * seconds / 1024;
    }

    private Canned ok(ObjectNode body) {
        return new Canned(200, "application/json", json.writeValueAsString(body));
    }

    private static void send(HttpExchange ex, Canned reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        executor.shutdownNow();
        tos.close();
    }
}
