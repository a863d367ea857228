package dev.vidgate.engine.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.testsupport.media.TestClips;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP plumbing of a provider adapter's fake upstream (on 127.0.0.1, any free port): it hands each request to the
 * provider-specific {@link #answer}, records it, and serves the finished MP4s at {@code /files/{name}} the way a
 * provider's storage does (signed, without the API key), with the storage faults: an expired link and a download cut
 * short. It also plays the gateway's image links for engine-level tests ({@link #links}) and can fetch an image URL back
 * the way a provider fetches one ({@link #fetch}).
 */
public abstract class FakeProvider implements AutoCloseable {
    /** What happens to downloads of finished videos. */
    public enum Storage { OK, EXPIRED, TRUNCATED }

    /** One request as the fake saw it. */
    public record Seen(String method, String path, Map<String, List<String>> headers, JsonNode json) {
        public String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().getFirst();
            return null;
        }
    }

    /** An answer: status, JSON body (or none). */
    public record Reply(int status, JsonNode json) {}

    protected final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The MP4 every finished job delivers. */
    public volatile byte[] video = TestClips.mp4(320, 180, 1);
    public volatile Storage storage = Storage.OK;
    /** When set, every create is answered with this HTTP status and the provider's error body. */
    public volatile Integer createFault;
    /** When set, every read ({@code GET}) of the API is answered with this HTTP status and the provider's error body. */
    public volatile Integer readFault;
    /** The key the provider accepts (a channel with another is refused). */
    public volatile String acceptedKey;
    /** The request headers of every download of a finished video, in order. */
    public final List<Map<String, List<String>>> downloads = Collections.synchronizedList(new ArrayList<>());

    /** @param key the key the provider accepts at first */
    protected FakeProvider(String key) {
        acceptedKey = key;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Scheme, host and port. */
    public final String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The provider's answer to a request for its API (anything but {@code /files/} and {@code /images/}). */
    protected abstract Reply answer(Seen request);

    /** The requests to the API so far whose path starts with {@code prefix}. */
    public final List<Seen> seen(String method, String prefix) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.method().equals(method) && s.path().startsWith(prefix)).toList();
        }
    }

    /** Where a finished video of {@code name} is served (without the key, like a signed storage URL). */
    protected final String fileUrl(String name) {
        return root() + "/files/" + name + ".mp4?signature=fake";
    }

    /** Whether the link to file {@code name} with {@code query} is still valid; by default every link is. */
    protected boolean fresh(String name, String query) {
        return true;
    }

    /** Image links as the gateway makes them, served by this fake under {@code /images/}. */
    public final Submission.ImageLinks links() {
        return (jobId, name, image) -> {
            String token = jobId + "-" + name;
            images.put(token, image);
            return root() + "/images/" + token;
        };
    }

    /** Fetches an image URL as a provider does; {@code null} when it does not answer 200. */
    protected final byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> got = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return got.statusCode() == 200 ? got.body() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** POSTs JSON to {@code url} as a provider's callback does; the status it got, or 0 when there was no answer. */
    protected final int post(String url, byte[] body) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    protected final ObjectNode object() {
        return json.createObjectNode();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/files/")) {
                file(ex);
                return;
            }
            if (path.startsWith("/images/")) {
                byte[] image = images.get(path.substring("/images/".length()));
                send(ex, image == null ? 404 : 200, image == null ? "application/xml" : "image/png",
                        image == null ? "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8) : image);
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode parsed = null;
            if (body.length > 0) {
                try {
                    parsed = json.readTree(body);
                } catch (RuntimeException e) {
                    parsed = json.getNodeFactory().missingNode();
                }
            }
            Seen request = new Seen(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), parsed);
            seen.add(request);
            Reply reply = answer(request);
            byte[] out = reply.json() == null ? new byte[0] : json.writeValueAsBytes(reply.json());
            send(ex, reply.status(), "application/json", out);
        } catch (IOException e) {
            // the client went away
        }
    }

    private void file(HttpExchange ex) throws IOException {
        downloads.add(Map.copyOf(ex.getRequestHeaders()));
        if (storage == Storage.EXPIRED || !fresh(ex.getRequestURI().getPath().substring("/files/".length()), ex.getRequestURI().getQuery())) {
            send(ex, 403, "application/xml", "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = video;
        ex.getResponseHeaders().set("Content-Type", "video/mp4");
        ex.sendResponseHeaders(200, body.length);
        OutputStream out = ex.getResponseBody();
        if (storage == Storage.TRUNCATED) {
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("cut short on purpose: the announced length is not met");
        }
        out.write(body);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
