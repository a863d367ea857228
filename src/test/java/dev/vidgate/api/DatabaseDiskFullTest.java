package dev.vidgate.api;

import dev.vidgate.testsupport.FullDisk;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database's disk fills up (a test file system under H2 that fails every write on command, as a full disk
 * does): no write is acknowledged that is not on disk, the node says so (503 with retry-after, not ready), and it
 * recovers by itself once space returns; after a restart everything it acknowledged is there.
 */
class DatabaseDiskFullTest {
    private static final String CREATE = "{\"prompt\":\"a lighthouse at dusk\",\"seconds\":\"4\"}";

    @TempDir
    Path dataDir;
    TestServer server;

    @AfterEach
    void stop() {
        FullDisk.free();
        if (server != null) server.close();
    }

    private TestServer start() {
        // API only: the jobs stay queued, so cancels have something to cancel and no render competes for the CPU.
        return TestServer.start(dataDir, new TestClock(), Map.of(
                "spring.datasource.url", FullDisk.h2Url(dataDir.resolve("db")),
                "vidgate.roles", "api",
                "vidgate.storage.probe-interval", "200ms"));
    }

    @Test
    @Timeout(180)
    void writesWhileTheDatabaseDiskIsFullAnswer503AndWhatWasAcknowledgedSurvivesARestart() {
        server = start();
        var admin = new AdminCalls(server);
        var http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        admin.tenant("acme", "");
        admin.topUp("acme", 1_000_000);
        String queuedBefore = ok(http.postJson("/v1/videos", CREATE)).get("id").asString();
        assertReadiness(200);

        FullDisk.fill();
        assertUnavailable(admin.http().postJson("/admin/v1/tenants/acme/topups", "{\"amount\":5000000,\"reason\":\"lost?\"}"));
        assertUnavailable(admin.http().postJson("/admin/v1/keys", "{\"tenant\":\"acme\",\"name\":\"lost\"}"));
        assertUnavailable(http.postJson("/v1/videos", CREATE));
        assertUnavailable(http.post("/v1/videos/" + queuedBefore + "/cancel", null, new byte[0]));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertReadiness(503));

        FullDisk.free();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertReadiness(200));
        admin.topUp("acme", 2_000_000);
        String secret = admin.secret("acme", "\"name\":\"after\"");
        String createdAfter = ok(http.postJson("/v1/videos", CREATE)).get("id").asString();
        assertThat(ok(http.post("/v1/videos/" + queuedBefore + "/cancel", null, new byte[0])).get("status").asString())
                .isEqualTo("cancelled");
        server.close();

        server = start();
        var again = new AdminCalls(server);
        http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        assertThat(again.account("acme").get("balance").asLong()).isEqualTo(3_000_000);
        assertThat(ok(again.http().get("/admin/v1/keys?tenant=acme")).get("data")).extracting(k -> k.get("name").asString())
                .containsExactly("after");
        assertThat(new RawHttp(server.baseUrl(), secret).get("/v1/videos").statusCode()).isEqualTo(200);
        assertThat(ok(http.get("/v1/videos/" + createdAfter)).get("status").asString()).isEqualTo("queued");
        assertThat(ok(http.get("/v1/videos/" + queuedBefore)).get("status").asString()).isEqualTo("cancelled");
        assertThat(ok(http.get("/v1/videos?limit=100")).get("data")).hasSize(2);
        assertThat(ok(again.http().get("/admin/v1/reconciliation")).get("balanced").asBoolean()).isTrue();
    }

    private void assertReadiness(int status) {
        HttpResponse<String> readiness = new RawHttp(server.baseUrl(), null).get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(status);
    }

    /** 503 in the OpenAI envelope with retry-after: the SDKs try again later; never a 200 for a write that is not on disk. */
    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("retry-after")).isPresent();
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        assertThat(json(response).get("error").get("type").asString()).isEqualTo("server_error");
    }
}
