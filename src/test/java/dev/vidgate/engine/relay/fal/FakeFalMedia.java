package dev.vidgate.engine.relay.fal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.engine.relay.FakeServers;
import dev.vidgate.testsupport.media.TestClips;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * fal's file host ({@code v3.fal.media}) on its own port, so another origin than the queue: results are public URLs,
 * fetched without a key. Faults: a file that has expired (404, as fal's storage answers it), a body cut short of its
 * {@code Content-Length}.
 */
final class FakeFalMedia implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** The request headers of every download, in order. */
    final List<Map<String, List<String>>> downloads = new CopyOnWriteArrayList<>();
    volatile byte[] video = TestClips.mp4(320, 180, 1);
    /** Whether every file answers as gone. */
    volatile boolean expired;
    /** Whether bodies end at half their announced length. */
    volatile boolean truncated;

    FakeFalMedia() {
        server = FakeServers.serve(executor, this::handle);
    }

    /** The public URL of a request's video. */
    String url(String requestId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/files/zebra/" + requestId + "_output.mp4";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            downloads.add(Map.copyOf(ex.getRequestHeaders()));
            if (expired) {
                byte[] body = "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            FakeServers.file(ex, "video/mp4", video, truncated);
        } catch (IOException e) {
            // the client went away, or the cut-off above
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
