package dev.vidgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Vidgate node as a separate operating-system process (the same classes as this test JVM), so a
 * test can kill it with SIGKILL. Listens on 127.0.0.1; its output goes to {@code <dataDir>/node.log}.
 */
public final class NodeProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private NodeProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node and waits until its API answers; {@code settings} become {@code --key=value} arguments. */
    public static NodeProcess start(String name, Path dataDir, Map<String, String> settings) {
        int port = Ports.free();
        Path log = dataDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "dev.vidgate.app.VidgateApplication",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--vidgate.data-dir=" + dataDir,
                "--vidgate.node-id=" + name));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            NodeProcess node = new NodeProcess(name, port, log, process);
            node.awaitReady(settings.get("vidgate.bootstrap-key"), Duration.ofSeconds(90));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name, e);
        }
    }

    /**
     * Up means: the API answers, and with the bootstrap key (when one is set) it answers 200, which it
     * does only once the start-up work after the web server (the key itself, the dispatcher) is done.
     */
    private void awaitReady(String bootstrapKey, Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Waits.await("node " + name + " answering (log: " + log + ")", limit, Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) throw new IllegalStateException("node " + name + " exited at start; see " + log);
            try {
                var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/videos"));
                if (bootstrapKey != null) request.header("Authorization", "Bearer " + bootstrapKey);
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                return bootstrapKey == null || status == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, leases stay as they were. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The end of the node's log, for assertion messages. */
    public String logTail() {
        try {
            String all = log();
            return all.substring(Math.max(0, all.length() - 4000));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
