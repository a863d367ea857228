package dev.vidgate.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the store does when S3 misbehaves, against a fake S3 endpoint on 127.0.0.1 that answers with S3's error
 * documents or not at all. Each attempt is allowed {@link #ATTEMPT}; the SDK retries, then the store gives up with a
 * transient {@link StorageException} within a bounded time.
 */
class S3FaultsTest {
    private static final Duration ATTEMPT = Duration.ofMillis(500);
    /** Every attempt, the SDK's back-off between them, and slack for a slow machine. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String INTERNAL_ERROR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>""";

    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private S3ContentStore store;

    @AfterEach
    void stop() {
        release.countDown();
        if (store != null) store.close();
        if (server != null) server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    @Timeout(30)
    void aServerErrorOnEveryAttemptIsATransientStorageException() {
        start(exchange -> respond(exchange, 500, INTERNAL_ERROR));

        assertTransient(() -> store.put("videos/v1/video.mp4", new ByteArrayInputStream(new byte[100])));
        assertThat(requests).hasSizeGreaterThan(1).allMatch(r -> r.startsWith("PUT /bucket/videos/v1/video.mp4"));
        assertTransient(() -> store.size("videos/v1/video.mp4"));
        assertTransient(() -> store.open("videos/v1/video.mp4", 0, 10));
        assertTransient(() -> store.delete("videos/v1/video.mp4"));
        assertTransient(() -> store.deleteAll("videos/v1"));
    }

    @Test
    @Timeout(30)
    void aServerErrorOnAPartAbortsTheMultipartUpload() {
        start(exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            switch (exchange.getRequestMethod()) {
                case "POST" -> respond(exchange, 200, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>k</Key><UploadId>up-1</UploadId></InitiateMultipartUploadResult>""");
                case "PUT" -> respond(exchange, 500, INTERNAL_ERROR);
                case "DELETE" -> respond(exchange, query.contains("uploadId=up-1") ? 204 : 400, "");
                default -> respond(exchange, 400, "");
            }
        });

        assertTransient(() -> store.put("k", new ByteArrayInputStream(new byte[S3Settings.MIN_PART_SIZE + 1])));
        assertThat(requests).first().asString().startsWith("POST /bucket/k?uploads");
        assertThat(requests).last().asString().startsWith("DELETE /bucket/k?uploadId=up-1");
    }

    @Test
    @Timeout(30)
    void aServerThatNeverAnswersIsATransientStorageExceptionWithinTheTimeout() {
        start(exchange -> await());

        assertTransient(() -> store.put("k", new ByteArrayInputStream(new byte[100])));
        assertTransient(() -> store.size("k"));
        assertThat(requests).hasSizeGreaterThan(2);
    }

    @Test
    @Timeout(30)
    void aDownloadThatStallsMidWayFailsInsteadOfHanging() throws IOException {
        start(exchange -> {
            exchange.getResponseHeaders().add("Content-Range", "bytes 0-999/1000");
            exchange.sendResponseHeaders(206, 1000);
            OutputStream body = exchange.getResponseBody();
            body.write(new byte[100]);
            body.flush();
            await();
        });

        long started = System.nanoTime();
        try (InputStream in = store.open("k", 0, 1000)) {
            assertThat(in.readNBytes(100)).hasSize(100);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
    }

    private void assertTransient(Runnable call) {
        long started = System.nanoTime();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
    }

    private void start(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            }
        });
        server.start();
        var settings = new S3Settings("bucket", "", URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "us-east-1", true, "access", "secret", S3Settings.MIN_PART_SIZE, ATTEMPT);
        store = new S3ContentStore(settings, S3Clients.create(settings));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }

    /** Holds a handler until the test ends (a server that accepted the request and went silent). */
    private void await() {
        try {
            release.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
