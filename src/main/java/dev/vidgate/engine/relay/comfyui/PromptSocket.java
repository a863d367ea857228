package dev.vidgate.engine.relay.comfyui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * ComfyUI's websocket ({@code /ws?clientId=}) for one channel: every prompt this client queues reports its
 * run here ({@code execution_start}, {@code execution_cached}, {@code executing} with {@code node: null} when
 * done, {@code progress} per sampler step, {@code execution_success}, {@code execution_error},
 * {@code execution_interrupted}). What it heard counts only while the socket that heard it is open: after a
 * drop the state is forgotten and the client asks {@code /queue} and {@code /history} instead, and the
 * socket is opened again on the next use. Binary frames (previews) are skipped.
 */
final class PromptSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PromptSocket.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** A running prompt the socket has said nothing about for this long is checked over HTTP (a silent, half-dead socket). */
    private static final Duration QUIET = Duration.ofSeconds(30);

    /** What one prompt's run has reported so far. */
    static final class Run {
        final int samplers;
        volatile boolean started;
        volatile boolean finished;
        private volatile String samplerNode;
        private volatile int samplersDone;
        private volatile double stepFraction;
        private volatile long heardAt = System.nanoTime();

        Run(int samplers) {
            this.samplers = Math.max(1, samplers);
        }

        /** 0 queued, 5 once running, up to 95 as the samplers' steps go by (decoding and saving come after). */
        int percent() {
            if (!started) return 0;
            double share = Math.min(1, (samplersDone + stepFraction) / samplers);
            return (int) Math.min(95, 5 + Math.floor(90 * share));
        }
    }

    private final String clientId = UUID.randomUUID().toString();
    private final String channel;
    private final URI uri;
    private final UnaryOperator<WebSocket.Builder> credentials;
    private final HttpClient http;
    private final Duration connectTimeout;
    private final ObjectMapper json;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile WebSocket socket;
    private volatile long lastAttempt;
    private volatile int queueRemaining = -1;

    /** @param address the socket's address ({@code ws://host:port/ws}), derived from the base URL unless configured */
    PromptSocket(String channel, String address, UnaryOperator<WebSocket.Builder> credentials, Duration connectTimeout, ObjectMapper json) {
        this.channel = channel;
        this.uri = URI.create(address + "?clientId=" + clientId);
        this.credentials = credentials;
        this.connectTimeout = connectTimeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** {@code ws://host:port/ws} under an {@code http://} base URL, {@code wss://} under {@code https://}. */
    static String addressUnder(URI base) {
        return base.toString().replaceAll("/+$", "").replaceFirst("^http", "ws") + "/ws";
    }

    String clientId() { return clientId; }

    boolean open() { return socket != null; }

    /** Opens the socket unless it is open or was tried moments ago; a server without one is simply polled. */
    void ensureOpen() throws InterruptedException {
        if (socket != null || System.nanoTime() - lastAttempt < RETRY.toNanos()) return;
        lastAttempt = System.nanoTime();
        CompletableFuture<WebSocket> opening = credentials.apply(http.newWebSocketBuilder().connectTimeout(connectTimeout))
                .buildAsync(uri, new Listener());
        try {
            socket = opening.get(connectTimeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            log.debug("channel {}: ComfyUI websocket open", channel);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            opening.cancel(true);
            log.info("channel {}: ComfyUI's websocket is not available; following jobs by polling", channel);
        }
    }

    /** Starts listening for {@code promptId} (queued by this client). */
    void expect(String promptId, int samplers) {
        if (socket != null) runs.put(promptId, new Run(samplers));
    }

    /** What the open socket heard of {@code promptId}, or {@code null} when it cannot tell (closed, or silent too long). */
    Run run(String promptId) {
        Run run = socket == null ? null : runs.get(promptId);
        return run == null || System.nanoTime() - run.heardAt > QUIET.toNanos() ? null : run;
    }

    /** The progress the socket last heard of {@code promptId}, however long ago, or {@code null}. */
    Integer percent(String promptId) {
        Run run = runs.get(promptId);
        return run == null ? null : run.percent();
    }

    void forget(String promptId) {
        runs.remove(promptId);
    }

    private void dropped(WebSocket which, String why) {
        if (socket != which && socket != null) return;
        socket = null;
        runs.clear(); // what it heard may be stale now: polling decides until it is open again
        log.info("channel {}: ComfyUI websocket closed ({}); following jobs by polling", channel, why);
    }

    /** Prompts in the server's queue as its last {@code status} message said, or -1 (unknown, or the socket is closed). */
    int queueRemaining() {
        return socket == null ? -1 : queueRemaining;
    }

    void heard(JsonNode message) {
        JsonNode data = message.path("data");
        JsonNode remaining = data.path("status").path("exec_info").path("queue_remaining");
        if (message.path("type").asString("").equals("status") && remaining.isNumber()) queueRemaining = remaining.asInt();
        Run run = runs.get(data.path("prompt_id").asString(""));
        if (run == null) return;
        run.heardAt = System.nanoTime();
        switch (message.path("type").asString("")) {
            case "execution_start", "execution_cached" -> run.started = true;
            case "executing" -> {
                run.started = true;
                if (data.path("node").isNull() || data.path("node").isMissingNode()) run.finished = true;
            }
            case "progress" -> {
                run.started = true;
                String node = data.path("node").asString("");
                if (run.samplerNode != null && !run.samplerNode.equals(node)) {
                    run.samplersDone = Math.min(run.samplers, run.samplersDone + 1);
                }
                run.samplerNode = node;
                double max = data.path("max").asDouble(0);
                run.stepFraction = max > 0 ? Math.min(1, data.path("value").asDouble(0) / max) : 0;
            }
            case "execution_success", "execution_error", "execution_interrupted" -> run.finished = true;
            default -> { } // status, executed, progress_state and what newer servers add
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    heard(json.readTree(text.toString()));
                } catch (JacksonException e) {
                    log.debug("channel {}: unreadable websocket message skipped", channel);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            dropped(webSocket, "status " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            dropped(webSocket, error.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        WebSocket open = socket;
        socket = null;
        if (open != null) open.abort();
        http.shutdownNow();
    }
}
