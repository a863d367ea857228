package dev.vidgate.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP mechanics of a paid provider's fake: a server on 127.0.0.1 (port 0) answering on virtual threads, and the
 * few ways a fake answers (JSON, bytes, a body shorter than its {@code Content-Length}). What the fake says is its own.
 */
public final class FakeHttp implements AutoCloseable {
    /** One request's handling; anything it throws becomes a 500. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private FakeHttp(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                try {
                    send(exchange, 500, "text/plain", ("fake failed: " + e).getBytes(StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException ignored) {
                    // the answer was already under way
                }
            }
        });
        server.start();
    }

    public static FakeHttp start(Handler handler) {
        try {
            return new FakeHttp(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request body as JSON, or {@code null} when it is not JSON. */
    public static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    public static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Announces all of {@code body} but sends only its first half, then closes. */
    public static void truncated(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // ending the exchange now leaves the announced length unmet: the client sees a cut-off body
        throw new IOException("truncated on purpose");
    }

    /**
     * A provider's signed result URL as its object store answers it: a request that also carries an
     * {@code Authorization} header is refused (400, as OSS and S3 do), {@code prompt} "stale link" gets 403 (the
     * link expired), "cut off" a body shorter than announced, anything else ({@code null} too) the video.
     */
    public static void signedResult(HttpExchange exchange, String prompt, byte[] video) throws IOException {
        String fate = prompt == null ? "stale link" : prompt;
        if (exchange.getRequestHeaders().getFirst("Authorization") != null) {
            send(exchange, 400, "application/xml", storeError("InvalidArgument", "Unsupported Authorization Type"));
        } else if (fate.contains("stale link")) {
            send(exchange, 403, "application/xml", storeError("AccessDenied", "Request has expired."));
        } else if (fate.contains("cut off")) {
            truncated(exchange, "video/mp4", video);
        } else {
            send(exchange, 200, "video/mp4", video);
        }
    }

    private static byte[] storeError(String code, String message) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>" + code + "</Code>\n  <Message>" + message
                + "</Message>\n</Error>").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
