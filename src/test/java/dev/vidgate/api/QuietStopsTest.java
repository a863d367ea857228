package dev.vidgate.api;

import dev.vidgate.jobs.Dispatcher;
import dev.vidgate.testsupport.NodeProcess;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping a render is routine: cancelling one, or stopping the server while one runs (closed by its
 * embedder, or by SIGTERM as a service manager does), logs no ERROR and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietStopsTest {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$/]+\\(");
    private static final String LONG_RENDER = "{\"model\":\"sora-2-pro\",\"prompt\":\"a long pan over a city at night\","
            + "\"seconds\":\"12\",\"size\":\"1920x1080\"}";

    @Test
    void cancellingARenderInProgressLogsNoErrorAndNoStackTrace(@TempDir Path dataDir, CapturedOutput output) {
        try (TestServer server = TestServer.start(dataDir, new TestClock(), Map.of())) {
            RawHttp http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
            String id = startRendering(http);
            int before = output.length();

            assertThat(json(http.post("/v1/videos/" + id + "/cancel", null, new byte[0])).get("status").asString())
                    .isEqualTo("cancelled");
            await().atMost(Duration.ofSeconds(30)).until(() -> server.bean(Dispatcher.class).runningCount() == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> !dataDir.resolve("work").resolve(id).toFile().exists());

            assertQuiet(output.toString().substring(before));
        }
    }

    @Test
    void stoppingTheServerDuringARenderLogsNoErrorAndNoStackTrace(@TempDir Path dataDir, CapturedOutput output) {
        int before;
        try (TestServer server = TestServer.start(dataDir, new TestClock(), Map.of("vidgate.expiry-sweep-interval", "1s"))) {
            startRendering(new RawHttp(server.baseUrl(), TestServer.API_KEY));
            before = output.length();
        }
        assertQuiet(output.toString().substring(before));
    }

    @Test
    void sigtermDuringARenderOnTheEmbeddedDatabaseLogsNoErrorAndNoStackTrace(@TempDir Path dataDir) throws Exception {
        NodeProcess node = NodeProcess.start("quiet", dataDir, Map.of("vidgate.bootstrap-key", TestServer.API_KEY));
        try (node) {
            startRendering(new RawHttp(node.baseUrl(), TestServer.API_KEY));
        } // close() sends SIGTERM and waits for the process to end
        assertThat(node.isAlive()).isFalse();
        assertQuiet(node.log());
    }

    private static String startRendering(RawHttp http) {
        String id = json(http.postJson("/v1/videos", LONG_RENDER)).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var video = json(http.get("/v1/videos/" + id));
            return video.get("status").asString().equals("in_progress") && video.get("progress").asInt() > 0;
        });
        return id;
    }

    private static void assertQuiet(String log) {
        assertThat(log).as("the log").doesNotContain(" ERROR ");
        assertThat(STACK_FRAME.matcher(log).find()).as("a stack trace in the log:%n%s", log).isFalse();
    }
}
