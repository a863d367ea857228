package dev.vidgate.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What a provider's fake upstream needs around its protocol: an HTTP server on 127.0.0.1 at a free port, the requests
 * it saw (route, path, headers, JSON body), canned answers per route instead of the normal one (once, queued, or
 * always), and an MP4 served in full or cut short of its {@code Content-Length}. The provider's own fake decides routes,
 * checks and answers in {@link #answer}.
 */
public abstract class ProviderFake implements AutoCloseable {
    /** One request as the fake saw it. */
    public record Seen(String route, String path, Map<String, List<String>> headers, JsonNode json) {}

    /** A canned answer. */
    public record Canned(int status, String contentType, String body) {
        public static Canned json(int status, String body) {
            return new Canned(status, "application/json", body);
        }
    }

    protected final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Deque<Canned>> faults = new ConcurrentHashMap<>();
    private final Map<String, Canned> always = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    protected ProviderFake() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The route a request takes (null: not found, answered by {@link #notFound}). */
    protected abstract String route(HttpExchange ex);

    /** The normal answer to a request on {@code route}; {@code null} when it already answered (a video). */
    protected abstract Canned answer(String route, HttpExchange ex, JsonNode body) throws IOException;

    protected abstract Canned notFound(HttpExchange ex);

    public void fail(String route, Canned... queued) {
        faults.computeIfAbsent(route, r -> new ArrayDeque<>());
        synchronized (faults) {
            faults.get(route).addAll(List.of(queued));
        }
    }

    public void failAlways(String route, Canned fault) {
        if (fault == null) always.remove(route); else always.put(route, fault);
    }

    public List<Seen> seen(String route) {
        return seen.stream().filter(s -> s.route().equals(route)).toList();
    }

    /** The one JSON body seen on {@code route} that {@code which} picks. */
    public JsonNode onlySeen(String route, java.util.function.Predicate<JsonNode> which) {
        List<JsonNode> bodies = seen(route).stream().map(Seen::json).filter(which).toList();
        if (bodies.size() != 1) throw new AssertionError("expected one such request on " + route + ", saw " + bodies.size());
        return bodies.getFirst();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            String route = route(ex);
            if (route == null) {
                send(ex, notFound(ex));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode parsed = null;
            try {
                parsed = body.length == 0 ? null : json.readTree(body);
            } catch (RuntimeException e) {
                // the provider's check refuses a body that is not JSON
            }
            seen.add(new Seen(route, ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), parsed));
            Canned fault;
            synchronized (faults) {
                Deque<Canned> queued = faults.get(route);
                fault = queued != null && !queued.isEmpty() ? queued.poll() : always.get(route);
            }
            Canned reply = fault != null ? fault : answer(route, ex, parsed);
            if (reply != null) send(ex, reply);
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Streams {@code video} as {@code video/mp4}; with {@code truncated}, only half of it after announcing all of it. */
    protected static void video(HttpExchange ex, byte[] video, boolean truncated) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "video/mp4");
        ex.sendResponseHeaders(200, video.length);
        if (truncated) {
            ex.getResponseBody().write(video, 0, video.length / 2);
            ex.getResponseBody().flush();
            throw new IOException("truncated on purpose"); // the announced length stays unmet
        }
        ex.getResponseBody().write(video);
    }

    protected static void send(HttpExchange ex, Canned reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
