package dev.vidgate.testsupport;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.Headers;
import com.openai.models.webhooks.WebhookVerificationParams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A customer's webhook receiver on 127.0.0.1 over real HTTP/1.1: answers 200 unless a fault is queued for the next
 * request ({@link #then}): a status (500, 302, ...), a hang (never answers; the sender's timeout must end it), a
 * connection reset, or a long body. Records every request; {@link #verify} checks one with the official openai-java
 * SDK's webhook verification, as a customer's code would.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final OpenAIClient SDK = OpenAIOkHttpClient.builder().apiKey("sk-unused").baseUrl("http://127.0.0.1:9").build();

    public enum Fault { STATUS_500, REDIRECT_302, HANG, RESET, LONG_BODY }

    /** One request as it arrived; {@code fault} is what it was answered with (null: 200). */
    public record Received(String method, String path, Map<String, String> headers, byte[] body, Fault fault, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean acknowledged() {
            return fault == null;
        }
    }

    private final ServerSocket server;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread acceptor;

    private WebhookReceiver(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon(true).name("webhook-receiver").start(this::accept);
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver(new ServerSocket(0, 1000, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hooks/vidgate";
    }

    /** Queues faults for the next requests, in order. */
    public WebhookReceiver then(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> acknowledged() {
        return received.stream().filter(Received::acknowledged).toList();
    }

    /**
     * Verifies a request's signature with openai-java ({@code client.webhooks().verifySignature}, its default 5-minute
     * tolerance for the timestamp); throws if it does not match.
     */
    public static void verify(Received r, String secret) {
        verify(r, secret, Duration.ofMinutes(5));
    }

    /** As above, with a wider tolerance: for senders on a test clock that ran ahead of the wall clock. */
    public static void verify(Received r, String secret, Duration tolerance) {
        Headers.Builder headers = Headers.builder();
        r.headers().forEach(headers::put);
        SDK.webhooks().verifySignature(WebhookVerificationParams.builder().payload(r.body()).headers(headers.build()).secret(secret)
                .tolerance(tolerance).build());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            // as HTTP servers do: without TCP_NODELAY, an answer written in two parts waits for the sender's delayed ACK (40 ms)
            socket.setTcpNoDelay(true);
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String requestLine = line(in);
            Map<String, String> headers = new HashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            Fault fault = faults.poll();
            String[] parts = requestLine.split(" ");
            received.add(new Received(parts[0], parts[1], Map.copyOf(headers), body, fault, Instant.now()));
            OutputStream out = socket.getOutputStream();
            if (fault == null) {
                answer(out, "200 OK", "{\"ok\":true}");
            } else {
                switch (fault) {
                    case STATUS_500 -> answer(out, "500 Internal Server Error", "{\"error\":\"boom\"}");
                    case REDIRECT_302 -> out.write(("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    case LONG_BODY -> answer(out, "500 Internal Server Error", "x".repeat(64 * 1024));
                    case HANG -> {
                        // until the sender gives up and closes, or the receiver closes
                        while (in.read() >= 0) { /* discard */ }
                    }
                    case RESET -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                }
            }
            out.flush();
        } catch (IOException ignored) {
            // the sender went away: what it sent is recorded
        }
    }

    private static void answer(OutputStream out, String status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
    }

    private static String line(InputStream in) throws IOException {
        var buffer = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("closed");
            if (c != '\r') buffer.write(c);
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
        acceptor.interrupt();
    }

    /** For tests that build their own lists of what arrived. */
    public static List<String> ids(List<Received> requests) {
        List<String> ids = new ArrayList<>();
        for (Received r : requests) ids.add(r.header("webhook-id"));
        return ids;
    }
}
