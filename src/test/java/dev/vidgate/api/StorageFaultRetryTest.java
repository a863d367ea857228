package dev.vidgate.api;

import dev.vidgate.testsupport.NearlyFullContentStore;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The content store's disk is nearly full: finished videos do not fit. The job goes back in line with a delay
 * that grows with each attempt (instead of using up its attempts within seconds), fails in the end with an error
 * that names storage, and stays failed after a restart with space to spare.
 */
class StorageFaultRetryTest {
    private static final Duration RENDER = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    @Timeout(400)
    void aVideoThatCannotBeStoredIsRetriedAfterGrowingDelaysAndFailsNamingStorage() {
        TestClock clock = new TestClock();
        NearlyFullContentStore[] store = new NearlyFullContentStore[1];
        server = TestServer.start(dataDir, clock, Map.of("vidgate.max-attempts", "3", "vidgate.storage.probe-interval", "200ms"),
                NearlyFullContentStore.around(store));
        var http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        store[0].fill();
        String id = ok(http.postJson("/v1/videos", "{\"prompt\":\"waves on a pier\",\"seconds\":\"4\"}")).get("id").asString();

        Duration firstWait = awaitRequeued(id, 1, clock);
        assertThat(firstWait).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
        // Not claimed again before its time, although the worker is idle.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> attempts(id) == 1);

        clock.advance(firstWait);
        Duration secondWait = awaitRequeued(id, 2, clock);
        assertThat(secondWait).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));

        clock.advance(secondWait);
        JsonNode failed = await().atMost(RENDER).until(() -> ok(http.get("/v1/videos/" + id)), v -> v.get("status").asString().equals("failed"));
        assertThat(attempts(id)).isEqualTo(3);
        assertThat(failed.get("error").get("code").asString()).isEqualTo("storage_unavailable");
        assertThat(failed.get("error").get("message").asString()).contains("storage");
        server.close();

        server = TestServer.start(dataDir, clock, Map.of());
        clock.advance(Duration.ofHours(2));
        var again = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> ok(again.get("/v1/videos/" + id)).get("status").asString().equals("failed"));
    }

    private int attempts(String id) {
        return server.bean(JdbcTemplate.class).queryForObject("SELECT attempts FROM videos WHERE id = ?", Integer.class, id);
    }

    /** Waits until the job's attempt {@code attempt} failed and put it back in line; answers how long it must wait. */
    private Duration awaitRequeued(String id, int attempt, TestClock clock) {
        JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
        Long notBefore = await().atMost(RENDER).until(
                () -> jdbc.queryForObject("SELECT CASE WHEN status = 'QUEUED' AND attempts = ? THEN not_before END FROM videos WHERE id = ?",
                        Long.class, attempt, id),
                v -> v != null);
        return Duration.between(clock.instant(), Instant.ofEpochMilli(notBefore));
    }
}
