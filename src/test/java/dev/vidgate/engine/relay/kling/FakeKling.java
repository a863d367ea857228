package dev.vidgate.engine.relay.kling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.testsupport.ProviderCallbacks;
import dev.vidgate.testsupport.media.TestClips;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kling's video API over real HTTP on 127.0.0.1, as its documentation describes it: JWT authentication checked like
 * Kling does ({@link KlingAuthCheck}), {@code POST /v1/videos/text2video} and {@code /image2video} with the body checked
 * like Kling does ({@link KlingBodyCheck}), {@code GET} of either path plus a task id, the envelope
 * {@code {code, message, request_id, data}}, tasks walking submitted, processing, succeed, and the result served from a
 * signed "CDN" path that needs no credentials. A prompt containing "forbidden" trips the content security policy
 * (1301). Faults are queued per route. With {@link #finishAfter} set, a task succeeds on its own that long after its
 * create and Kling POSTs the task's state to the create's {@code callback_url}.
 */
final class FakeKling implements AutoCloseable {
    static final String ACCESS_KEY = "AKfakeKlingAccess0001";
    static final String SECRET_KEY = "SKfakeKlingSecret0123456789abcdefXYZ";

    enum Route { CREATE, QUERY, DOWNLOAD }

    enum Fault {
        /** 401, 1000. */ AUTH_REFUSED,
        /** 429, 1303: parallel tasks over the resource pack's limit. */ CONCURRENCY,
        /** 429, 1102: resource pack depleted. */ DEPLETED,
        /** 500, 5000. */ SERVER_ERROR,
        /** 502 with an HTML page. */ HTML,
        /** HTTP 200 whose envelope carries service code 5001 instead of a task. */ ERROR_IN_200,
        /** 400, 1301: the content security policy. */ MODERATION,
        /** The task is made, then fails: "Failure to pass the risk control system". */ FLAGGED_TASK,
        /** The task is made and stays processing forever. */ NEVER_ENDS,
        /** The task is made and reports a status Kling's documentation does not list. */ ODD_STATUS,
        /** The result URL answers 403, as an expired signed URL does. */ EXPIRED_URL,
        /** The result announces its full length and sends half. */ TRUNCATED
    }

    /** One request as the fake saw it. */
    record Seen(Route route, String method, String path, String authorization, JsonNode body) {}

    private static final class Task {
        final String id;
        final String path;
        final Fault fate;
        final long createdMs;
        final String duration;
        final String callbackUrl;
        volatile int polls;
        /** Set when the task finished on its own ({@link #finishAfter}). */
        volatile boolean finished;

        Task(String id, String path, Fault fate, long createdMs, JsonNode body) {
            this.id = id;
            this.path = path;
            this.fate = fate;
            this.createdMs = createdMs;
            this.duration = body.path("duration").asString("5");
            this.callbackUrl = body.path("callback_url").asString(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final JsonMapper json = JsonMapper.builder().build();
    private final InstantSource clock;
    private final KlingAuthCheck auth;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Map<Route, Deque<Fault>> faults = new EnumMap<>(Route.class);
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(860_000_000_000_000_000L);

    /** Queries until a task succeeds. */
    volatile int pollsToFinish = 3;
    /** When set, a task succeeds this long after its create, polled or not, and Kling calls its {@code callback_url}. */
    volatile Duration finishAfter;
    /** The callbacks sent. */
    final ProviderCallbacks callbacks = new ProviderCallbacks();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** The MP4 every finished task delivers. */
    volatile byte[] video = TestClips.mp4(320, 180, 1);

    private FakeKling(InstantSource clock) throws IOException {
        this.clock = clock;
        this.auth = new KlingAuthCheck(ACCESS_KEY, SECRET_KEY, clock);
        for (Route r : Route.values()) faults.put(r, new ArrayDeque<>());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fake that checks token times against {@code clock}. */
    static FakeKling start(InstantSource clock) {
        try {
            return new FakeKling(clock);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The host root, which is Kling's base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A channel here with the right key and test-friendly timeouts. */
    ChannelSettings channel(String name) {
        return channel(name, ACCESS_KEY + ":" + SECRET_KEY);
    }

    ChannelSettings channel(String name, String apiKey) {
        return ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(apiKey), new KlingProvider())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    void fail(Route route, Fault... queued) {
        synchronized (faults) {
            faults.get(route).addAll(List.of(queued));
        }
    }

    List<Seen> seen(Route route) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.route() == route).toList();
        }
    }

    /** Kling's task ids made so far. */
    List<String> taskIds() {
        return List.copyOf(tasks.keySet());
    }

    private Fault nextFault(Route route) {
        synchronized (faults) {
            return faults.get(route).poll();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            if (path.startsWith("/cdn/") && method.equals("GET")) {
                seen.add(new Seen(Route.DOWNLOAD, method, path, authorization, null));
                download(ex, path.substring("/cdn/".length()).replace(".mp4", ""));
                return;
            }
            boolean imageToVideo = path.startsWith("/v1/videos/image2video");
            if (!imageToVideo && !path.startsWith("/v1/videos/text2video")) {
                send(ex, 404, error(1202, "The requested method is invalid"));
                return;
            }
            String base = imageToVideo ? "/v1/videos/image2video" : "/v1/videos/text2video";
            String rest = path.substring(base.length());
            Route route = rest.isEmpty() && method.equals("POST") ? Route.CREATE
                    : rest.matches("/[^/]+") && method.equals("GET") ? Route.QUERY : null;
            if (route == null) {
                send(ex, 404, error(1202, "The requested method is invalid"));
                return;
            }
            JsonNode body = null;
            if (route == Route.CREATE) {
                try {
                    body = json.readTree(ex.getRequestBody().readAllBytes());
                } catch (RuntimeException e) {
                    send(ex, 400, error(1200, "Invalid request parameters"));
                    return;
                }
            }
            seen.add(new Seen(route, method, path, authorization, body));
            KlingAuthCheck.Refusal refused = auth.check(authorization);
            if (refused != null) {
                send(ex, 401, error(refused.code(), refused.message()));
                return;
            }
            Fault fault = nextFault(route);
            if (fault != null && cannedFault(ex, fault)) return;
            if (route == Route.CREATE) {
                create(ex, base, body, imageToVideo, fault);
            } else {
                query(ex, base, rest.substring(1));
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private boolean cannedFault(HttpExchange ex, Fault fault) throws IOException {
        switch (fault) {
            case AUTH_REFUSED -> send(ex, 401, error(1000, "Authentication failed"));
            case CONCURRENCY -> send(ex, 429, error(1303, "parallel task over resource pack limit"));
            case DEPLETED -> send(ex, 429, error(1102, "Resource pack depleted or expired"));
            case SERVER_ERROR -> send(ex, 500, error(5000, "Server internal error"));
            case MODERATION -> send(ex, 400, error(1301, "Trigger the content security policy of the platform"));
            case ERROR_IN_200 -> send(ex, 200, error(5001, "Server temporarily unavailable"));
            case HTML -> {
                byte[] page = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(502, page.length);
                ex.getResponseBody().write(page);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void create(HttpExchange ex, String base, JsonNode body, boolean imageToVideo, Fault fate) throws IOException {
        KlingBodyCheck.Refusal refusal = KlingBodyCheck.check(body, imageToVideo);
        if (refusal != null) {
            send(ex, refusal.status(), error(refusal.code(), refusal.message()));
            return;
        }
        if (body.path("prompt").asString("").contains("forbidden")) {
            send(ex, 400, error(1301, "Trigger the content security policy of the platform"));
            return;
        }
        String id = Long.toString(ids.incrementAndGet());
        Task task = new Task(id, base, fate, clock.millis(), body);
        tasks.put(id, task);
        Duration after = finishAfter;
        if (after != null) timer.schedule(() -> finishOnItsOwn(task), after.toMillis(), TimeUnit.MILLISECONDS);
        send(ex, 200, ok(data(task, "submitted")));
    }

    private void query(HttpExchange ex, String base, String id) throws IOException {
        Task task = tasks.get(id);
        if (task == null || !task.path.equals(base)) {
            send(ex, 404, error(1203, "The requested resource does not exist"));
            return;
        }
        task.polls++;
        send(ex, 200, ok(data(task, statusOf(task))));
    }

    /** The task succeeds; Kling POSTs its state (the query's {@code data}) to the callback URL, if the create gave one. */
    private void finishOnItsOwn(Task task) {
        task.finished = true;
        if (task.callbackUrl != null) callbacks.post(task.callbackUrl, json.writeValueAsBytes(data(task, "succeed")));
    }

    private boolean succeeded(Task task) {
        return task.finished || task.polls >= pollsToFinish;
    }

    private String statusOf(Task task) {
        if (task.fate == Fault.NEVER_ENDS) return "processing";
        if (task.fate == Fault.ODD_STATUS) return "queueing";
        if (task.fate == Fault.FLAGGED_TASK && task.polls >= 2) return "failed";
        if (succeeded(task)) return "succeed";
        return task.polls <= 1 ? "submitted" : "processing";
    }

    private ObjectNode data(Task task, String status) {
        ObjectNode data = json.createObjectNode().put("task_id", task.id).put("task_status", status)
                .put("created_at", task.createdMs).put("updated_at", clock.millis());
        data.putObject("task_info");
        if (status.equals("failed")) data.put("task_status_msg", "Failure to pass the risk control system");
        ObjectNode result = data.putObject("task_result");
        if (status.equals("succeed")) {
            result.putArray("videos").addObject().put("id", UUID.randomUUID().toString())
                    .put("url", baseUrl() + "/cdn/" + task.id + ".mp4?x-expires=" + (clock.instant().getEpochSecond() + 86400))
                    .put("duration", task.duration + ".042");
            data.put("final_unit_deduction", "1");
        }
        return data;
    }

    private void download(HttpExchange ex, String id) throws IOException {
        Task task = tasks.get(id);
        if (task == null || !succeeded(task)) {
            send(ex, 404, "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8), "application/xml");
            return;
        }
        Fault fault = nextFault(Route.DOWNLOAD);
        if (fault == Fault.EXPIRED_URL) {
            send(ex, 403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
                    .getBytes(StandardCharsets.UTF_8), "application/xml");
            return;
        }
        byte[] mp4 = video;
        ex.getResponseHeaders().set("Content-Type", "video/mp4");
        ex.sendResponseHeaders(200, mp4.length);
        OutputStream out = ex.getResponseBody();
        if (fault == Fault.TRUNCATED) {
            out.write(mp4, 0, mp4.length / 2);
            out.flush();
            throw new IOException("truncated on purpose"); // the announced length is never met
        }
        out.write(mp4);
    }

    private byte[] ok(ObjectNode data) {
        ObjectNode envelope = json.createObjectNode().put("code", 0).put("message", "SUCCEED")
                .put("request_id", UUID.randomUUID().toString());
        envelope.set("data", data);
        return json.writeValueAsBytes(envelope);
    }

    private byte[] error(int code, String message) {
        return json.writeValueAsBytes(json.createObjectNode().put("code", code).put("message", message)
                .put("request_id", UUID.randomUUID().toString()));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        send(ex, status, body, "application/json");
    }

    private static void send(HttpExchange ex, int status, byte[] body, String contentType) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        executor.shutdownNow();
    }
}
