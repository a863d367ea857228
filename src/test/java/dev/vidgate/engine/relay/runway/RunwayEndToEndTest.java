package dev.vidgate.engine.relay.runway;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.engine.relay.FakeProvider.Seen;
import dev.vidgate.engine.relay.ProviderServer;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.Scrape;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sora-shaped creates through the official SDK reach Runway's fake translated, and the video comes back from Vidgate; a
 * task Runway's moderation fails comes back as a refunded {@code moderation_blocked}.
 */
class RunwayEndToEndTest {
    @TempDir
    static Path dir;
    static FakeRunway runway;
    static ProviderServer vidgate;

    @BeforeAll
    static void start() {
        runway = new FakeRunway();
        vidgate = ProviderServer.start(dir, "runway", runway.root(), FakeRunway.KEY, "sora-2=gen4.5,gen4_turbo");
    }

    @AfterAll
    static void stop() {
        if (vidgate != null) vidgate.close();
        if (runway != null) runway.close();
    }

    private static JsonNode lastCreate(String path) {
        List<Seen> creates = runway.seen("POST", path);
        assertThat(creates).isNotEmpty();
        return creates.getLast().json();
    }

    @Test
    void aSoraTextCreateBecomesRunwaysTextToVideoAndTheMp4DownloadsFromVidgate() throws Exception {
        Video done = vidgate.createAndAwait(VideoCreateParams.builder().model("sora-2").prompt("a lighthouse in a storm")
                .seconds(VideoSeconds._4).size(VideoSize._1280X720).build());

        JsonNode body = lastCreate("/v1/text_to_video");
        assertThat(body.path("model").asString()).isEqualTo("gen4.5");
        assertThat(body.path("ratio").asString()).isEqualTo("1280:720");
        assertThat(body.path("duration").isInt()).isTrue();
        assertThat(body.path("duration").asInt()).isEqualTo(4);
        assertThat(body.path("promptText").asString()).isEqualTo("a lighthouse in a storm");

        Mp4Probe probe = Mp4Probe.of(vidgate.download(done.id()));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(320);
        String seen = vidgate.asClientSeesIt(done.id());
        assertThat(seen).doesNotContain(runway.root()).doesNotContain(FakeRunway.KEY);
        runway.tasks.keySet().forEach(id -> assertThat(seen).doesNotContain(id));
    }

    @Test
    void anInputReferenceGoesInlineAsADataUriToImageToVideo() throws Exception {
        byte[] png = TestImages.png(1280, 720);
        Video done = vidgate.createAndAwait(VideoCreateParams.builder().model("gen4_turbo").prompt("the waves roll in")
                .seconds(VideoSeconds._8).size(VideoSize._1280X720).inputReference(png).build());

        JsonNode body = lastCreate("/v1/image_to_video");
        assertThat(body.path("model").asString()).isEqualTo("gen4_turbo");
        assertThat(body.path("ratio").asString()).isEqualTo("1280:720");
        assertThat(body.path("duration").asInt()).isEqualTo(8);
        assertThat(body.path("promptImage").asString()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        assertThat(Mp4Probe.of(vidgate.download(done.id())).videoCodec()).isEqualTo("h264");
    }

    /**
     * A provider's moderation verdict that arrives after the create (Runway fails the task with {@code SAFETY.INPUT.TEXT})
     * reaches the SDK as a failed video with {@code moderation_blocked}, refunds the hold in full, and is audited and
     * counted like our own blocks (source {@code provider}). Our own rules are off for this tenant, so the prompt reaches
     * Runway.
     */
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
