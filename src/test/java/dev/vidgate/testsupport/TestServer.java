package dev.vidgate.testsupport;

import dev.vidgate.app.VidgateApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A whole Vidgate server on 127.0.0.1 and a random port, on its embedded defaults under a given data dir. */
public final class TestServer implements AutoCloseable {
    public static final String API_KEY = "sk-test-bootstrap-0123456789abcdefghij";
    public static final String ADMIN_KEY = "sk-test-admin-0123456789abcdefghijklmn";

    private final ConfigurableApplicationContext context;
    private final TestClock clock;

    private TestServer(ConfigurableApplicationContext context, TestClock clock) {
        this.context = context;
        this.clock = clock;
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, new TestClock(), Map.of());
    }

    public static TestServer start(Path dataDir, TestClock clock, Map<String, String> extra) {
        return start(dataDir, clock, extra, context -> {});
    }

    /** As above; {@code customizer} sees the context before it is refreshed (to wrap a bean in a fault, say). */
    public static TestServer start(Path dataDir, TestClock clock, Map<String, String> extra,
                                   Consumer<ConfigurableApplicationContext> customizer) {
        List<String> props = new ArrayList<>(List.of(
                "server.port=0",
                "server.address=127.0.0.1",
                "vidgate.data-dir=" + dataDir,
                "vidgate.bootstrap-key=" + API_KEY,
                "vidgate.admin-key=" + ADMIN_KEY,
                "vidgate.clock=external",
                "vidgate.poll-after=200ms"));
        extra.forEach((k, v) -> props.add(k + "=" + v));
        var context = new SpringApplicationBuilder(VidgateApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClock", (InstantSource) clock), customizer::accept)
                // As command-line arguments: they outrank application.properties, as an operator's would.
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new));
        return new TestServer(context, clock);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The port of the separate management server ({@code management.server.port}), or -1 when there is none. */
    public int managementPort() {
        return context.getEnvironment().getProperty("local.management.port", Integer.class, -1);
    }

    /** False for a node started without the {@code api} role. */
    public boolean isWebServer() {
        return context instanceof WebServerApplicationContext;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public TestClock clock() {
        return clock;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
