package dev.vidgate.engine.relay.comfyui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ComfyUI server's stand-in over real HTTP and a real websocket on 127.0.0.1, speaking the routes of
 * ComfyUI's {@code server.py}: {@code POST /prompt} (validated like ComfyUI: known node classes, links to
 * existing nodes, no unfilled value; 400 {@code {error, node_errors}}), {@code GET/POST /queue},
 * {@code POST /interrupt}, {@code GET/POST /history}, {@code GET /view}, {@code POST /upload/image},
 * {@code GET /system_stats}, and {@code /ws?clientId=} ({@link FakeComfySocket}). It executes nothing: one prompt
 * at a time walks through ComfyUI's message sequence on a timer and "saves" the output file set in
 * {@link #output}. Behind a proxy it wants {@code Authorization: Bearer} with {@link #KEY}. Faults: see {@link Fault}.
 */
final class FakeComfyUi implements AutoCloseable {
    static final String KEY = "sk-comfy-proxy-0123456789abcdef";
    static final int STEPS = 4;

    /** What can go wrong, set before a job (or during it, for the drop). */
    enum Fault {
        /** {@code /prompt} answers ComfyUI's 400 for a model file the server does not have. */
        NODE_ERROR,
        /** The first sampler fails with {@code torch.OutOfMemoryError}. */
        OUT_OF_MEMORY,
        /** The run stops after its first step and never goes on. */
        NEVER_ENDS,
        /** After the first step the server restarts: queue, history and sockets are gone. */
        RESTART,
        /** After the first step the websocket drops, and a new one is refused: only polling works. */
        SOCKET_DROP,
        /** {@code /view} answers 404 (the file was cleaned up). */
        VIEW_GONE,
        /** {@code /view} announces more bytes than it sends. */
        VIEW_TRUNCATED,
        /** {@code /prompt} answers 500. */
        SERVER_ERROR,
        /** {@code /prompt} answers 429 from a rate-limiting proxy. */
        RATE_LIMITED,
        /** Prompts stay in the queue until {@link #release}. */
        HOLD
    }

    /** One request as the fake saw it. */
    record Seen(String method, String path, Map<String, List<String>> headers, JsonNode json, byte[] body) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    final FakeComfySocket socket;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final Deque<String[]> pending = new ArrayDeque<>(); // {prompt_id, client_id}
    private final Map<String, ObjectNode> prompts = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> history = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger number = new AtomicInteger();
    private volatile String running;
    volatile boolean interrupted;
    volatile java.util.Set<Fault> faults = java.util.EnumSet.noneOf(Fault.class);
    /** The files a finished prompt saves: one video or animation, or stills in order ({@link FakeOutputs}). */
    volatile List<FakeOutputs.File> output;
    /** A prompt text containing this is refused as ComfyUI refuses an invalid value, when set. */
    volatile String refusePromptsWith;
    /** The time between two of a run's messages. */
    volatile Duration tick = Duration.ofMillis(15);

    private FakeComfyUi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        socket = FakeComfySocket.start(KEY, json);
    }

    static FakeComfyUi start() {
        try {
            return new FakeComfyUi();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    /** A channel at this fake: key, its websocket, test-friendly timeouts; the rest as configured by default. */
    ChannelSettings channel(String name) {
        return ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(KEY), new ComfyUiProvider())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withOptions(Map.of(ComfyUiProvider.WEBSOCKET_URL, socket.address()));
    }

    void fault(Fault... set) {
        faults = set.length == 0 ? java.util.EnumSet.noneOf(Fault.class) : java.util.EnumSet.copyOf(List.of(set));
    }

    List<Seen> seen(String method, String pathStart) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.method().equals(method) && s.path().startsWith(pathStart)).toList();
        }
    }

    /** The graph of the latest accepted prompt. */
    JsonNode lastGraph() {
        List<Seen> posts = seen("POST", "/prompt");
        return posts.isEmpty() ? null : posts.getLast().json().path("prompt");
    }

    synchronized int queued() { return pending.size() + (running == null ? 0 : 1); }

    /** Lets held prompts run. */
    void release() {
        faults.remove(Fault.HOLD);
        worker.execute(this::next);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            JsonNode parsed = null;
            if (exchange.getRequestHeaders().getFirst("Content-Type") != null
                    && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
                try {
                    parsed = json.readTree(body);
                } catch (RuntimeException e) {
                    reply(exchange, 400, "text/plain", "bad json".getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            seen.add(new Seen(method, path, Map.copyOf(exchange.getRequestHeaders()), parsed, body));
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "application/json", "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (method + " " + path.replaceFirst("^/history/.+", "/history/{id}")) {
                case "POST /prompt" -> prompt(exchange, parsed);
                case "GET /queue" -> json(exchange, 200, queue());
                case "POST /queue" -> {
                    synchronized (this) {
                        for (JsonNode id : parsed.path("delete")) pending.removeIf(p -> p[0].equals(id.asString()));
                    }
                    reply(exchange, 200, "text/plain", new byte[0]);
                }
                case "POST /interrupt" -> {
                    String id = parsed == null ? null : parsed.path("prompt_id").asString(null);
                    if (running != null && (id == null || id.equals(running))) interrupted = true;
                    reply(exchange, 200, "text/plain", new byte[0]);
                }
                case "GET /history/{id}" -> {
                    String id = path.substring("/history/".length());
                    ObjectNode out = json.createObjectNode();
                    if (history.containsKey(id)) out.set(id, history.get(id));
                    json(exchange, 200, out);
                }
                case "POST /history" -> {
                    for (JsonNode id : parsed.path("delete")) history.remove(id.asString());
                    reply(exchange, 200, "text/plain", new byte[0]);
                }
                case "GET /view" -> view(exchange);
                case "POST /upload/image" -> upload(exchange, body);
                case "GET /system_stats" -> json(exchange, 200, json.readTree("{\"system\":{\"os\":\"posix\",\"comfyui_version\":\"0.3.60\"},"
                        + "\"devices\":[{\"name\":\"cuda:0 NVIDIA L40S\",\"type\":\"cuda\",\"index\":0,\"vram_total\":48305799168,"
                        + "\"vram_free\":20305799168,\"torch_vram_total\":0,\"torch_vram_free\":0}]}"));
                default -> reply(exchange, 404, "text/plain", "404: Not Found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void prompt(HttpExchange exchange, JsonNode body) throws IOException {
        if (faults.contains(Fault.SERVER_ERROR)) {
            reply(exchange, 500, "text/plain", "500 Internal Server Error\n\nServer got itself in trouble".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (faults.contains(Fault.RATE_LIMITED)) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            reply(exchange, 429, "application/json", "{\"error\":\"too many requests\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (body == null || !body.path("prompt").isObject()) {
            json(exchange, 400, json.readTree("{\"error\":{\"type\":\"no_prompt\",\"message\":\"No prompt provided\",\"details\":\"\"},\"node_errors\":{}}"));
            return;
        }
        ObjectNode nodeErrors = FakeGraphs.validate(body.path("prompt"), uploads.keySet(), json);
        String refused = refusePromptsWith;
        if (refused != null && body.path("prompt").toString().contains(refused)) {
            nodeErrors.set("7", FakeGraphs.error(json, "CLIPTextEncode", "value_not_valid", "Value not valid", "text: " + refused));
        }
        if (faults.contains(Fault.NODE_ERROR)) {
            nodeErrors.set("1", FakeGraphs.error(json, "UNETLoader", "value_not_in_list", "Value not in list",
                    "unet_name: 'wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors' not in []"));
        }
        if (!nodeErrors.isEmpty()) {
            ObjectNode refusal = json.createObjectNode();
            refusal.putObject("error").put("type", "prompt_outputs_failed_validation").put("message", "Prompt outputs failed validation")
                    .put("details", "").putObject("extra_info");
            refusal.set("node_errors", nodeErrors);
            json(exchange, 400, refusal);
            return;
        }
        String id = body.path("prompt_id").asString(java.util.UUID.randomUUID().toString());
        ObjectNode item = json.createObjectNode();
        ArrayNode tuple = item.putArray("prompt").add(number.getAndIncrement()).add(id).add(body.path("prompt"));
        ObjectNode extra = body.path("extra_data").isObject() ? (ObjectNode) body.path("extra_data").deepCopy() : json.createObjectNode();
        extra.put("client_id", body.path("client_id").asString(""));
        tuple.add(extra).add(json.createArrayNode());
        prompts.put(id, item);
        synchronized (this) {
            pending.add(new String[] {id, body.path("client_id").asString("")});
        }
        socket.broadcastStatus(queued());
        worker.execute(this::next);
        json(exchange, 200, json.createObjectNode().put("prompt_id", id).put("number", number.get() - 1).set("node_errors", json.createObjectNode()));
    }

    private ObjectNode queue() {
        ObjectNode out = json.createObjectNode();
        ArrayNode running = out.putArray("queue_running");
        ArrayNode waiting = out.putArray("queue_pending");
        synchronized (this) {
            if (this.running != null && prompts.containsKey(this.running)) running.add(prompts.get(this.running).path("prompt"));
            for (String[] p : pending) if (prompts.containsKey(p[0])) waiting.add(prompts.get(p[0]).path("prompt"));
        }
        return out;
    }

    /** Starts the next queued prompt when none runs. */
    private void next() {
        String[] take;
        synchronized (this) {
            if (running != null || pending.isEmpty() || faults.contains(Fault.HOLD)) return;
            take = pending.poll();
            running = take[0];
            interrupted = false;
        }
        new FakeRun(this, take[0], take[1], prompts.get(take[0]).path("prompt").path(2)).schedule(worker, tick);
    }

    // --- what FakeRun calls ---

    JsonNode jsonOf(String text) { return json.readTree(text); }

    JsonMapper mapper() { return json; }

    /** Ends the running prompt with a history entry, and starts the next. */
    synchronized void finish(String id, ObjectNode entry) {
        if (!id.equals(running)) return;
        entry.set("prompt", prompts.get(id).path("prompt"));
        history.put(id, entry);
        running = null;
        socket.broadcastStatus(queued());
        worker.execute(this::next);
    }

    /** The running prompt vanishes with everything else, as after a restart of the server. */
    synchronized void restart() {
        running = null;
        pending.clear();
        history.clear();
        prompts.clear();
        socket.dropAll(false);
    }

    void save(String filename, byte[] bytes) { files.put(filename, bytes); }

    /** Whether {@code id} no longer runs (finished, or gone with a restart). */
    boolean stopped(String id) { return !id.equals(running); }

    private void view(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] file = files.get(query.getOrDefault("subfolder", "") + "/" + query.get("filename"));
        if (file == null || faults.contains(Fault.VIEW_GONE) || !"output".equals(query.get("type"))) {
            reply(exchange, 404, "text/plain", "404: Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (faults.contains(Fault.VIEW_TRUNCATED)) {
            exchange.sendResponseHeaders(200, file.length + 1000);
            exchange.getResponseBody().write(file);
            return;
        }
        reply(exchange, 200, "application/octet-stream", file);
    }

    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        FakeGraphs.Upload upload = FakeGraphs.multipartImage(contentType, body);
        if (upload == null) {
            reply(exchange, 400, "text/plain", "400: Bad Request".getBytes(StandardCharsets.UTF_8));
            return;
        }
        uploads.put(upload.name(), upload.bytes());
        json(exchange, 200, json.createObjectNode().put("name", upload.name()).put("subfolder", "").put("type", "input"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        reply(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body));
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        server.stop(0);
        socket.shutdown();
    }
}
