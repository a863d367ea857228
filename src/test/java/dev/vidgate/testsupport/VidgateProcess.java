package dev.vidgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole Vidgate server as a separate operating-system process: the JVM running the tests, started
 * again with the test class path and {@code dev.vidgate.app.VidgateApplication}, on 127.0.0.1, a free
 * port, its own data dir and a chosen API key. Its output goes to {@code server.log} in the data dir.
 */
public final class VidgateProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private VidgateProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server and waits until it answers; extra arguments are {@code --key=value} settings. */
    public static VidgateProcess start(Path dataDir, String apiKey, String... extra) {
        int port = freePort();
        Path log = dataDir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx768m",
                "-cp", System.getProperty("java.class.path"),
                "dev.vidgate.app.VidgateApplication",
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--vidgate.data-dir=" + dataDir, "--vidgate.bootstrap-key=" + apiKey));
        command.addAll(List.of(extra));
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            VidgateProcess server = new VidgateProcess(process, port, log);
            server.awaitReady(apiKey, Duration.ofSeconds(120));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(String apiKey, Duration limit) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/videos?limit=1"))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the second Vidgate exited early:\n" + logTail());
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("the second Vidgate did not become ready within " + limit + ":\n" + logTail());
    }

    /** The end of the server's output, for failure messages. */
    public String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
