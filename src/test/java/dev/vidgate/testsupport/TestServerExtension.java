package dev.vidgate.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A {@link TestServer} on a fresh temporary data dir, started before the tests and closed (its data dir
 * deleted) after them: in a {@code static} field, once for the class; in an instance field, once per test.
 * <pre>
 * &#64;RegisterExtension
 * static final TestServerExtension server = TestServerExtension.h2();
 * static final RawHttp http = server.http();
 * </pre>
 */
public final class TestServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Map<String, String> properties = new LinkedHashMap<>();
    private TestClock clock = new TestClock();
    private Path dataDir;
    private TestServer server;
    private boolean perClass;

    private TestServerExtension() {}

    /** A server on its embedded defaults: H2 file database, filesystem content store, built-in renderer. */
    public static TestServerExtension h2() {
        return new TestServerExtension();
    }

    /** The clock the server runs on (a fresh {@link TestClock} unless set). */
    public TestServerExtension clock(TestClock clock) {
        this.clock = clock;
        return this;
    }

    /** A setting, as an operator passes it on the command line. */
    public TestServerExtension with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public TestServer server() {
        if (server == null) throw new IllegalStateException("the test server runs only while the tests do");
        return server;
    }

    public String baseUrl() {
        return server().baseUrl();
    }

    public int port() {
        return server().port();
    }

    public TestClock clock() {
        return clock;
    }

    public Path dataDir() {
        server();
        return dataDir;
    }

    public <T> T bean(Class<T> type) {
        return server().bean(type);
    }

    /** Raw HTTP with the bootstrap API key; usable before the server starts (it asks the address at each call). */
    public RawHttp http() {
        return http(TestServer.API_KEY);
    }

    /** Raw HTTP with {@code apiKey} (none when null); usable before the server starts. */
    public RawHttp http(String apiKey) {
        return new RawHttp(this::baseUrl, apiKey);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) stop();
    }

    private void start() throws IOException {
        dataDir = Files.createTempDirectory("vidgate-test-server-");
        server = TestServer.start(dataDir, clock, properties);
    }

    private void stop() {
        try {
            if (server != null) server.close();
        } finally {
            server = null;
            delete(dataDir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test server's data dir " + dir, e);
        }
    }
}
