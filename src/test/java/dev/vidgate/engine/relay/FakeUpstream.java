package dev.vidgate.engine.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.testsupport.media.TestClips;
import dev.vidgate.testsupport.media.TestImages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A paid upstream's stand-in over real HTTP on 127.0.0.1: the Videos API as each {@link Flavour}
 * documents it (OpenAI and Azure: Bearer or {@code api-key} auth, JSON or multipart, remix, variants,
 * idempotency keys for OpenAI; SGLang: integer seconds, FastAPI {@code detail} errors, one MP4 for
 * every variant; vLLM-Omni: multipart only; TensorRT-LLM: 202 on create, numeric seconds, string
 * errors, unknown fields refused). Jobs advance one step per status request, after a script of
 * statuses or in {@link #pollsToFinish} steps. Faults are queued per route.
 */
final class FakeUpstream implements AutoCloseable {
    static final String KEY = "sk-fake-upstream-0123456789abcdef";
    static final String AZURE_API_VERSION = "preview";

    enum Route { CREATE, RETRIEVE, LIST, CONTENT, DELETE, CANCEL, REMIX, EDIT, EXTEND, MODELS }

    /** One request as the fake saw it. */
    record Seen(Route route, String method, String path, String query, Map<String, List<String>> headers, JsonNode json,
                FormParts form) {
        String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().getFirst();
            return null;
        }
    }

    private final Flavour flavour;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final JsonMapper json = JsonMapper.builder().build();
    private final FakeDialect dialect;
    private final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> idempotency = new ConcurrentHashMap<>();
    private final Map<Route, Deque<Fault>> faults = new EnumMap<>(Route.class);
    private final Map<Route, Fault> always = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final boolean recording;

    /** Status requests until a job completes (when no script is set). */
    volatile int pollsToFinish = 3;
    /** Statuses for a job's 1st, 2nd, ... status request ({@code "status"} or {@code "status@progress"}); the last repeats. */
    volatile List<String> script;
    /** The MP4 every finished job delivers. */
    volatile byte[] video = TestClips.mp4(320, 180, 1);
    /** Whether {@code POST /videos/{id}/cancel} exists (Vidgate has it; OpenAI does not). */
    volatile boolean cancelRoute;
    /** The thumbnail a flavour with variants serves. */
    volatile byte[] thumbnail = TestImages.webp(64, 36);
    /** Records the time between status requests of each job, when set (the benchmark). */
    volatile PollGaps gaps;
    /** Whether the {@code openai-poll-after-ms} hint is sent. */
    volatile Long pollAfterMillis;

    private FakeUpstream(Flavour flavour, boolean recording) throws IOException {
        this.flavour = flavour;
        this.recording = recording;
        this.dialect = new FakeDialect(flavour, json);
        for (Route r : Route.values()) faults.put(r, new ArrayDeque<>());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeUpstream start(Flavour flavour) {
        try {
            return new FakeUpstream(flavour, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fake that keeps no request log (for the benchmark). */
    static FakeUpstream quiet(Flavour flavour) {
        try {
            return new FakeUpstream(flavour, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return flavour == Flavour.AZURE ? root : root + "/v1";
    }

    /** A channel pointing here, with test-friendly timeouts. */
    ChannelSettings channel(String name) {
        ChannelSettings c = ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(KEY), flavour)
                .withTimeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(1500));
        return flavour == Flavour.AZURE ? c.withApiVersion(AZURE_API_VERSION) : c;
    }

    void fail(Route route, Fault... queued) {
        synchronized (faults) {
            for (Fault f : queued) faults.get(route).add(f);
        }
    }

    void failAlways(Route route, Fault fault) {
        if (fault == null) always.remove(route); else always.put(route, fault);
    }

    List<Seen> seen(Route route) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.route() == route).toList();
        }
    }

    Map<String, FakeJob> jobs() { return jobs; }

    FakeJob job(String id) { return jobs.get(id); }

    /** Makes a job answer {@code status} from now on (e.g. a status that goes backwards). */
    void force(String id, String status) { jobs.get(id).forcedStatus = status; }

    private Fault nextFault(Route route) {
        synchronized (faults) {
            Fault f = faults.get(route).poll();
            return f != null ? f : always.get(route);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            String prefix = flavour == Flavour.AZURE ? "/openai/v1/videos" : "/v1/videos";
            boolean models = path.equals(prefix.replace("/videos", "/models")); // GET /models, as every flavour serves it
            if (!path.startsWith(prefix) && !models) {
                send(ex, dialect.error(404, "Not Found"));
                return;
            }
            if (!authorised(ex)) {
                send(ex, dialect.error(401, "Incorrect API key provided"));
                return;
            }
            String[] rest = models ? new String[0] : path.substring(prefix.length()).split("/");
            String method = ex.getRequestMethod();
            Route route = models ? (method.equals("GET") ? Route.MODELS : null) : routeOf(method, rest);
            if (route == null) {
                send(ex, dialect.error(405, "Method Not Allowed"));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            JsonNode parsedJson = null;
            FormParts form = null;
            if (body.length > 0 && contentType != null && contentType.startsWith("multipart/form-data")) {
                form = FormParts.parse(contentType, body);
            } else if (body.length > 0) {
                try {
                    parsedJson = json.readTree(body);
                } catch (RuntimeException e) {
                    send(ex, dialect.error(400, "Invalid JSON"));
                    return;
                }
            }
            if (recording) seen.add(new Seen(route, method, path, uri.getQuery(), Map.copyOf(ex.getRequestHeaders()), parsedJson, form));
            Fault fault = nextFault(route);
            if (fault instanceof Fault.Canned canned) {
                ex.getResponseHeaders().set("Content-Type", canned.contentType());
                canned.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                ex.sendResponseHeaders(canned.status(), canned.body().length == 0 ? -1 : canned.body().length);
                ex.getResponseBody().write(canned.body());
                return;
            }
            if (fault instanceof Fault.Hang hang && !hang.actFirst()) {
                sleep(hang.hold());
                return;
            }
            if (fault instanceof Fault.Reset reset && !reset.actFirst()) return;
            Reply reply = act(route, rest, ex, parsedJson, form);
            if (fault instanceof Fault.Hang hang) {
                sleep(hang.hold());
                return;
            }
            if (fault instanceof Fault.Reset) return;
            if (fault instanceof Fault.Huge huge) {
                ex.getResponseHeaders().set("Content-Type", reply.contentType());
                ex.sendResponseHeaders(200, huge.declared()); // 0: chunked, no length announced
                byte[] zeros = new byte[64 * 1024];
                OutputStream out = ex.getResponseBody();
                long limit = huge.declared() > 0 ? huge.declared() : 2L << 30;
                for (long sent = 0; sent < limit; sent += zeros.length) out.write(zeros);
                return;
            }
            sendShaped(ex, reply, fault);
        } catch (IOException e) {
            // the client went away (it gave up, as it should with a hung or huge answer)
        }
    }

    private Route routeOf(String method, String[] rest) {
        int n = rest.length;
        if (n <= 1) return method.equals("POST") ? Route.CREATE : method.equals("GET") ? Route.LIST : null;
        if (n == 2 && method.equals("POST") && flavour == Flavour.OPENAI) return rest[1].equals("edits") ? Route.EDIT : rest[1].equals("extensions") ? Route.EXTEND : null;
        if (n == 2) return method.equals("GET") ? Route.RETRIEVE : method.equals("DELETE") ? Route.DELETE : null;
        if (n == 3 && rest[2].equals("content") && method.equals("GET")) return Route.CONTENT;
        if (n == 3 && rest[2].equals("remix") && method.equals("POST") && flavour.remixes()) return Route.REMIX;
        if (n == 3 && rest[2].equals("cancel") && method.equals("POST") && cancelRoute) return Route.CANCEL;
        return null;
    }

    private boolean authorised(HttpExchange ex) {
        String bearer = ex.getRequestHeaders().getFirst("Authorization");
        if (flavour == Flavour.AZURE) {
            String query = ex.getRequestURI().getQuery();
            return KEY.equals(ex.getRequestHeaders().getFirst("api-key")) && bearer == null
                    && query != null && query.contains("api-version=" + AZURE_API_VERSION);
        }
        return ("Bearer " + KEY).equals(bearer);
    }

    record Reply(int status, String contentType, byte[] body) {}

    private Reply act(Route route, String[] rest, HttpExchange ex, JsonNode body, FormParts form) {
        String id = rest.length >= 2 ? URLDecoder.decode(rest[1], StandardCharsets.UTF_8) : null;
        return switch (route) {
            case CREATE -> create(ex, body, form, null);
            case REMIX -> jobs.containsKey(id) ? create(ex, body, form, id) : dialect.error(404, "Video " + id + " not found");
            case EDIT, EXTEND -> { // as OpenAI checks them (FakeFootageCheck), then a job like any other
                String problem = FakeFootageCheck.problem(route == Route.EXTEND, body, form, jobs.keySet());
                yield problem != null ? dialect.error(400, problem) : create(ex, body, form, null);
            }
            case RETRIEVE -> {
                FakeJob job = jobs.get(id);
                if (job == null) yield dialect.error(404, "Video " + id + " not found");
                job.polls++;
                PollGaps recorder = gaps;
                if (recorder != null) recorder.polled(job.id);
                if (pollAfterMillis != null) ex.getResponseHeaders().set("openai-poll-after-ms", Long.toString(pollAfterMillis));
                yield ok(200, dialect.shape(job, statusOf(job)));
            }
            case LIST -> {
                ObjectNode list = json.createObjectNode().put("object", "list");
                var data = list.putArray("data");
                jobs.values().forEach(job -> data.add(dialect.shape(job, statusOf(job))));
                yield ok(200, list);
            }
            case CONTENT -> content(id, queryParam(ex, "variant"));
            case MODELS -> ok(200, (ObjectNode) json.readTree("{\"object\":\"list\",\"data\":[{\"id\":\"sora-2\",\"object\":\"model\",\"owned_by\":\"system\"}]}"));
            case DELETE -> {
                FakeJob job = jobs.remove(id);
                if (job == null) yield dialect.error(404, "Video " + id + " not found");
                yield switch (flavour) {
                    case TRTLLM -> ok(200, json.createObjectNode().put("deleted", true));
                    case SGLANG -> ok(200, dialect.shape(job, statusOf(job)).put("status", "deleted"));
                    default -> ok(200, json.createObjectNode().put("id", id).put("object", "video.deleted").put("deleted", true));
                };
            }
            case CANCEL -> {
                FakeJob job = jobs.get(id);
                if (job == null) yield dialect.error(404, "Video " + id + " not found");
                job.forcedStatus = "cancelled";
                yield ok(200, dialect.shape(job, statusOf(job)));
            }
        };
    }

    private Reply create(HttpExchange ex, JsonNode body, FormParts form, String remixOf) {
        if (flavour == Flavour.VLLM_OMNI && form == null) return dialect.error(422, "Expected multipart/form-data");
        String prompt = field(body, form, "prompt");
        if (prompt == null || prompt.isBlank()) return dialect.error(400, "prompt is required");
        if (prompt.contains("forbidden")) return dialect.error(400, "Your request was rejected by the safety system: the prompt names a forbidden thing.");
        if (remixOf == null && body != null) {
            String problem = dialect.refusal(body);
            if (problem != null) return dialect.error(422, problem);
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && flavour == Flavour.OPENAI) {
            String earlier = idempotency.get(key);
            if (earlier != null && jobs.containsKey(earlier)) return ok(200, dialect.shape(jobs.get(earlier), statusOf(jobs.get(earlier))));
        }
        String id = (flavour == Flavour.VLLM_OMNI ? "video_gen_" : "video_fake_") + ids.incrementAndGet();
        FakeJob source = remixOf == null ? null : jobs.get(remixOf);
        FakeJob job = new FakeJob(id, prompt, source != null ? source.model : field(body, form, "model"),
                source != null ? source.size : field(body, form, "size"), source != null ? source.seconds : field(body, form, "seconds"), remixOf);
        jobs.put(id, job);
        if (key != null) idempotency.put(key, id);
        return ok(flavour == Flavour.TRTLLM ? 202 : 200, dialect.shape(job, statusOf(job)));
    }

    private Reply content(String id, String variant) {
        FakeJob job = jobs.get(id);
        if (job == null) return dialect.error(404, "Video " + id + " not found");
        if (!FINISHED.contains(statusOf(job).status)) return dialect.error(400, "Video " + id + " is not ready");
        if (flavour.servesVariants() && "thumbnail".equals(variant)) return new Reply(200, "image/webp", thumbnail);
        if (flavour.servesVariants() && "spritesheet".equals(variant)) return new Reply(200, "image/jpeg", TestImages.jpeg(320, 180));
        return new Reply(200, "video/mp4", video);
    }

    private static final java.util.Set<String> FINISHED = java.util.Set.of("completed", "succeeded", "success", "done");

    record Step(String status, Integer progress) {}

    Step statusOf(FakeJob job) {
        if (job.forcedStatus != null) return new Step(job.forcedStatus, null);
        List<String> steps = script;
        int polls = Math.max(0, job.polls - 1);
        if (steps != null && !steps.isEmpty()) {
            String step = steps.get(Math.min(polls, steps.size() - 1));
            int at = step.indexOf('@');
            return at < 0 ? new Step(step, null) : new Step(step.substring(0, at), Integer.parseInt(step.substring(at + 1)));
        }
        if (job.polls >= pollsToFinish) return new Step("completed", 100);
        if (job.polls == 0) return new Step("queued", 0);
        return new Step("in_progress", Math.min(99, job.polls * 100 / Math.max(1, pollsToFinish)));
    }

    private Reply ok(int status, ObjectNode body) {
        return new Reply(status, "application/json", json.writeValueAsBytes(body));
    }

    private void sendShaped(HttpExchange ex, Reply reply, Fault fault) throws IOException {
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        byte[] body = reply.body();
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        OutputStream out = ex.getResponseBody();
        if (fault instanceof Fault.Truncated) {
            out.write(body, 0, body.length / 2);
            out.flush();
            // ending the exchange now leaves the announced length unmet: the client sees a cut-off body
            throw new IOException("truncated on purpose");
        }
        if (fault instanceof Fault.Slow slow) {
            for (int i = 0; i < body.length; i += 16) {
                out.write(body, i, Math.min(16, body.length - i));
                out.flush();
                sleep(slow.pause());
            }
            return;
        }
        out.write(body);
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), reply.body().length);
        ex.getResponseBody().write(reply.body());
    }

    static String field(JsonNode body, FormParts form, String name) {
        if (form != null) return form.text(name);
        if (body == null || body.get(name) == null || body.get(name).isNull()) return null;
        JsonNode v = body.get(name);
        return v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) ? Long.toString(v.asLong()) : v.asString();
    }

    private static String queryParam(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        return null;
    }

    private static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
