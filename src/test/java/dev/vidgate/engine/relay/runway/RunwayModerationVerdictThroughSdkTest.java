package dev.vidgate.engine.relay.runway;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.engine.relay.ProviderServer;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.Scrape;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's moderation verdict that arrives after the create (Runway fails the task with {@code SAFETY.INPUT.TEXT})
 * reaches the official SDK as a failed video with {@code moderation_blocked}, refunds the hold in full, and is audited
 * and counted like our own blocks (source {@code provider}). Our own rules are off for this tenant, so the prompt reaches
 * Runway.
 */
class RunwayModerationVerdictThroughSdkTest {
    @TempDir
    static Path dir;
    static FakeRunway runway;
    static ProviderServer vidgate;

    @BeforeAll
    static void start() {
        runway = new FakeRunway();
        vidgate = ProviderServer.start(dir, "runway", runway.root(), FakeRunway.KEY, "sora-2=gen4.5");
    }

    @AfterAll
    static void stop() {
        if (vidgate != null) vidgate.close();
        if (runway != null) runway.close();
    }

    @Test
    void aTaskRunwaysSafetyFilterFailsIsAFailedModerationBlockedVideoWithTheHoldRefundedAndAnAuditRowNamingIt() {
        var admin = new RawHttp(vidgate.server.baseUrl(), TestServer.ADMIN_KEY);
        String tenant = ok(admin.postJson("/admin/v1/tenants", "{\"name\":\"verdicts\"}")).get("id").asString();
        ok(admin.postJson("/admin/v1/tenants/verdicts/topups", "{\"amount\":10000000,\"reason\":\"test\"}"));
        ok(admin.postJson("/admin/v1/tenants/verdicts/policy", "{\"level\":\"off\"}"));
        String secret = ok(admin.postJson("/admin/v1/keys", "{\"tenant\":\"verdicts\"}")).get("secret").asString();
        OpenAIClient sdk = SdkClients.client(vidgate.server, secret);

        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2").prompt("something forbidden in a storm")
                .seconds(VideoSeconds._4).size(VideoSize._1280X720).build());
        assertThat(account(admin).get("held").asLong()).isPositive();
        Video failed = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90));

        assertThat(failed.status().asString()).isEqualTo("failed");
        assertThat(failed.error().orElseThrow().code()).isEqualTo("moderation_blocked");
        assertThat(account(admin).get("held").asLong()).isZero();
        assertThat(account(admin).get("balance").asLong()).isEqualTo(10_000_000);
        JsonNode row = ok(admin.get("/admin/v1/policy/blocks?limit=1")).get("data").get(0);
        assertThat(row.get("source").asString()).isEqualTo("provider");
        assertThat(row.get("category").asString()).isEqualTo("unspecified");
        assertThat(row.get("tenant_id").asString()).isEqualTo(tenant);
        assertThat(row.get("video_id").asString()).isEqualTo(created.id());
        assertThat(row.toString()).doesNotContain(runway.root()).doesNotContain(FakeRunway.KEY);
        assertThat(Scrape.of(admin.get("/actuator/prometheus").body())
                .value("vidgate_policy_blocks_total", "category=\"unspecified\"", "source=\"provider\"")).isEqualTo(1.0);
    }

    private static JsonNode account(RawHttp admin) {
        return ok(admin.get("/admin/v1/tenants/verdicts")).get("account");
    }
}
