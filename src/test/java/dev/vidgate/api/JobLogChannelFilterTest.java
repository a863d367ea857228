package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static dev.vidgate.testsupport.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's job log filtered by relay channel, over real HTTP: a relay node sends sora-2 to channel {@code alpha}
 * and sora-2-pro to channel {@code beta}, both a second Vidgate (API only, so its jobs stay queued and the relay's stay
 * in progress on their channel).
 */
class JobLogChannelFilterTest {
    @TempDir
    static Path dir;
    static TestServer upstream;
    static TestServer relay;
    static RawHttp user;
    static RawHttp admin;

    @BeforeAll
    static void start() {
        upstream = TestServer.start(dir.resolve("upstream"), new TestClock(), Map.of("vidgate.roles", "api", "vidgate.max-concurrent-per-key", "4"));
        String base = upstream.baseUrl() + "/v1";
        relay = TestServer.start(dir.resolve("relay"), new TestClock(), Map.of(
                "vidgate.engine", "relay",
                "vidgate.max-concurrent-per-key", "4",
                "vidgate.relay.channels[0].name", "alpha",
                "vidgate.relay.channels[0].base-url", base,
                "vidgate.relay.channels[0].api-key", TestServer.API_KEY,
                "vidgate.relay.channels[0].models", "sora-2",
                "vidgate.relay.channels[1].name", "beta",
                "vidgate.relay.channels[1].base-url", base,
                "vidgate.relay.channels[1].api-key", TestServer.API_KEY,
                "vidgate.relay.channels[1].models", "sora-2-pro"));
        user = new RawHttp(relay.baseUrl(), TestServer.API_KEY);
        admin = new RawHttp(relay.baseUrl(), TestServer.ADMIN_KEY);
    }

    @AfterAll
    static void stop() {
        if (relay != null) relay.close();
        if (upstream != null) upstream.close();
    }

    @Test
    void aChannelFilterShowsOnlyTheJobsThatChannelCarriesAndNamesItOnEachJob() {
        List<String> alpha = new ArrayList<>();
        for (int i = 0; i < 2; i++) alpha.addFirst(create("sora-2", "alpha " + i));
        String beta = create("sora-2-pro", "beta");
        // in progress first, then its upstream handle (and so its channel) is stored: wait for both
        await("every job on its channel", Duration.ofSeconds(120), Duration.ofMillis(200))
                .until(() -> ok(admin.get("/admin/v1/jobs")).get("data").valueStream().toList(), jobs -> jobs.size() == 3
                        && jobs.stream().allMatch(j -> j.get("status").asString().equals("in_progress")
                        && j.hasNonNull("channel") && !j.get("channel").asString().isEmpty()));

        assertThat(ids("/admin/v1/jobs?channel=alpha")).containsExactlyElementsOf(alpha);
        assertThat(ids("/admin/v1/jobs?channel=beta&engine=relay&status=in_progress")).containsExactly(beta);
        assertThat(ids("/admin/v1/jobs?channel=beta&model=sora-2")).isEmpty();
        JsonNode job = ok(admin.get("/admin/v1/jobs?channel=alpha&limit=1")).get("data").get(0);
        assertThat(job.get("channel").asString()).isEqualTo("alpha");
        assertThat(job.toString()).doesNotContain(upstream.baseUrl());
    }

    private static String create(String model, String prompt) {
        return ok(user.postJson("/v1/videos", "{\"prompt\":\"" + prompt + "\",\"seconds\":\"4\",\"model\":\"" + model + "\"}"))
                .get("id").asString();
    }

    private static List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        ok(admin.get(path)).get("data").forEach(j -> ids.add(j.get("id").asString()));
        return ids;
    }
}
