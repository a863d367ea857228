package dev.vidgate.app;

import dev.vidgate.testsupport.NodeProcess;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code logging.structured.format.console=ecs} (env LOGGING_STRUCTURED_FORMAT_CONSOLE) makes every log line one JSON object. */
class StructuredLogsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aNodeStartedWithEcsStructuredLogsWritesEveryLineAsAJsonObjectWithLevelLoggerAndMessage(@TempDir Path dataDir) throws Exception {
        String log;
        try (NodeProcess node = NodeProcess.start("json-logs", dataDir, Map.of(
                "vidgate.bootstrap-key", TestServer.API_KEY,
                "logging.structured.format.console", "ecs"))) {
            log = node.log();
        }
        List<String> lines = log.lines().filter(l -> !l.isBlank())
                // the JVM itself (not the application's logging) may warn on stderr about native access
                .filter(l -> !l.startsWith("WARNING:"))
                .toList();
        assertThat(lines).as("log lines").hasSizeGreaterThan(5);
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.path("log").path("level").asString()).as(line).isNotBlank();
            assertThat(event.path("log").path("logger").asString()).as(line).isNotBlank();
            assertThat(event.path("message").asString()).as(line).isNotNull();
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Started VidgateApplication"));
    }
}
