package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Below the low-disk watermark creates answer 507 and the node is not ready; the health endpoints need no key. */
class LowDiskAndHealthEndpointsTest {
    private static final String CREATE = "{\"prompt\":\"a kite over a beach\",\"seconds\":\"4\"}";

    @TempDir
    Path dataDir;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void belowTheWatermarkACreateAnswers507InsufficientStorageAndReadinessIsDown() {
        // No disk here has 100,000 TB free: every watched directory is below the watermark.
        server = TestServer.start(dataDir, new TestClock(), Map.of("vidgate.storage.min-free-disk", "100000TB", "vidgate.roles", "api"));
        var http = new RawHttp(server.baseUrl(), TestServer.API_KEY);

        var refused = http.postJson("/v1/videos", CREATE);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
        assertThat(refused.headers().firstValue("x-request-id")).isPresent();
        var error = json(refused).get("error");
        assertThat(error.get("code").asString()).isEqualTo("insufficient_storage");
        assertThat(error.get("type").asString()).isEqualTo("server_error");
        assertThat(error.has("param")).isTrue();
        assertThat(ok(http.get("/v1/videos")).get("data")).isEmpty();

        var anonymous = new RawHttp(server.baseUrl(), null);
        var readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(json(readiness).get("components").get("storage").get("status").asString()).isEqualTo("DOWN");
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void healthAnswersWithoutAKeyAndOtherActuatorPathsAnswerInTheOpenAiEnvelope() {
        server = TestServer.start(dataDir, new TestClock(), Map.of("vidgate.roles", "api"));
        var anonymous = new RawHttp(server.baseUrl(), null);

        var readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(json(readiness).get("components").get("storage").get("status").asString()).isEqualTo("UP");
        assertThat(json(readiness).get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        var admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans"}) {
            assertThat(json(anonymous.get(path)).get("error").get("code").asString()).as(path).isEqualTo("invalid_api_key");
            var hidden = admin.get(path);
            assertThat(hidden.statusCode()).as(path).isEqualTo(404);
            assertThat(hidden.headers().firstValue("x-request-id")).isPresent();
            assertThat(json(hidden).get("error").get("code").asString()).isEqualTo("not_found");
        }
        assertThat(ok(new RawHttp(server.baseUrl(), TestServer.API_KEY).postJson("/v1/videos", CREATE)).get("status").asString())
                .isEqualTo("queued");
    }
}
