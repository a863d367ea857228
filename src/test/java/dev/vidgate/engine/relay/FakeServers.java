package dev.vidgate.engine.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/** What the providers' fakes share: a loopback HTTP server, and a file answer that can be cut short. */
public final class FakeServers {
    private FakeServers() {}

    /** An HTTP server on 127.0.0.1 at a free port, answering every path with {@code handler} on {@code executor}. */
    public static HttpServer serve(ExecutorService executor, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(executor);
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers 200 with {@code body} as {@code contentType}; when {@code truncated}, only its first half follows the full
     * {@code Content-Length} and the exchange breaks off (an {@link IOException} the handler swallows).
     */
    public static void file(HttpExchange ex, String contentType, byte[] body, boolean truncated) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(200, body.length);
        if (truncated) {
            ex.getResponseBody().write(body, 0, body.length / 2);
            ex.getResponseBody().flush();
            throw new IOException("truncated on purpose"); // the announced length stays unmet
        }
        ex.getResponseBody().write(body);
    }
}
