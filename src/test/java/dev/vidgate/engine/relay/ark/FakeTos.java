package dev.vidgate.engine.relay.ark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
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
 * The object store Ark's results live on (TOS), on its own port, so another origin than the API: a result is a
 * pre-signed URL whose query ({@code X-Tos-Expires=86400}, {@code X-Tos-Signature}) is the credential. Like TOS it
 * refuses a request that carries an {@code Authorization} header as well, and answers its errors in XML. Faults: the
 * link has expired (403), the body is cut short of its {@code Content-Length}.
 */
final class FakeTos implements AutoCloseable {
    private static final String SIGNATURE = "X-Tos-Algorithm=TOS4-HMAC-SHA256&X-Tos-Credential=AKLTfake%2F20261206%2Fcn-beijing%2Ftos%2Frequest"
            + "&X-Tos-Date=20261206T120000Z&X-Tos-Expires=86400&X-Tos-SignedHeaders=host&X-Tos-Signature=5f0c7e1d2a";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** The request headers of every download, in order. */
    final List<Map<String, List<String>>> downloads = new CopyOnWriteArrayList<>();
    /** The MP4 every result is. */
    volatile byte[] video = TestClips.mp4(320, 180, 1);
    /** Whether every link answers as expired. */
    volatile boolean expired;
    /** Whether bodies end at half their announced length. */
    volatile boolean truncated;

    FakeTos() {
        server = FakeTos.serve(executor, this::handle);
    }

    /** An HTTP server on 127.0.0.1 at a free port, answering every path with {@code handler}. */
    static HttpServer serve(ExecutorService executor, HttpHandler handler) {
        return FakeServers.serve(executor, handler);
    }

    /** The signed URL of a task's video. */
    String url(String taskId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ark-content-generation-cn-beijing/2150/" + taskId
                + "/recorded-video.mp4?" + SIGNATURE;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            downloads.add(Map.copyOf(ex.getRequestHeaders()));
            String query = ex.getRequestURI().getRawQuery();
            if (ex.getRequestHeaders().containsKey("Authorization")) {
                xml(ex, 400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Tos-Signature query or the Authorization header should be specified");
            } else if (query == null || !query.contains("X-Tos-Signature=")) {
                xml(ex, 403, "AccessDenied", "Access Denied");
            } else if (expired) {
                xml(ex, 403, "AccessDenied", "Request has expired");
            } else {
                FakeServers.file(ex, "video/mp4", video, truncated);
            }
        } catch (IOException e) {
            // the client went away, or the cut-off above
        }
    }

    private static void xml(HttpExchange ex, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>6751f4b2e5c3a1d0</RequestId><HostId>ark-content-generation-cn-beijing.tos-cn-beijing.volces.com"
                + "</HostId><Resource>" + ex.getRequestURI().getPath() + "</Resource></Error>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
