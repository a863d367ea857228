package dev.vidgate.engine.relay.fal;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.engine.relay.fal.FakeFal.Route;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unchanged Sora clients reach Pika on fal: the official SDK creates {@code pika-2.2} videos on a whole Vidgate whose
 * relay has one {@code fal} channel, with {@code vidgate.public-url} set to the server's own address. The relay polls
 * only every ten minutes on a clock that never moves, so each job ends because fal's webhook reached Vidgate's
 * callback route, which made the relay ask fal at once; the fake received the requests translated, and the MP4 comes
 * back from Vidgate without a trace of fal in what the client sees.
 */
class FalThroughOfficialSdkTest {
    @TempDir
    static Path dir;
    static FakeFal fal;
    static TestServer server;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() throws IOException {
        fal = new FakeFal();
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        server = TestServer.start(dir, new TestClock(), Map.ofEntries(
                Map.entry("vidgate.public-url", "http://127.0.0.1:" + port),
                Map.entry("vidgate.model-engines.pika-2.2", "relay"),
                Map.entry("vidgate.relay.channels[0].name", "fal"),
                Map.entry("vidgate.relay.channels[0].flavour", "fal"),
                Map.entry("vidgate.relay.channels[0].base-url", fal.baseUrl()),
                Map.entry("vidgate.relay.channels[0].api-key", FakeFal.KEY),
                Map.entry("vidgate.relay.channels[0].models", "pika-2.2=" + FakeFal.TEXT),
                Map.entry("vidgate.relay.channels[0].options.image-model", FakeFal.IMAGE),
                Map.entry("vidgate.relay.poll-interval", "10m"),
                Map.entry("vidgate.relay.max-poll-interval", "10m")),
                // the port the public address names, above the test server's own port 0
                context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("fixed-port", Map.of("server.port", port))));
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (fal != null) fal.close();
    }

    @Test
    void aSoraCreateWithAReferenceImageReachesPikaInlineAndFalsWebhookBringsItsVideoBackAtOnce() throws Exception {
        byte[] png = TestImages.png(1280, 720);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("pika-2.2").prompt("a kite over the dunes")
                .size(VideoSize._1280X720).seconds(VideoSeconds.of("5")).inputReference(png).build());
        FakeFal.Seen create = createFor("a kite over the dunes");
        assertThat(create.path()).isEqualTo("/" + FakeFal.IMAGE);
        assertThat(create.query()).startsWith("fal_webhook=http%3A%2F%2F127.0.0.1%3A" + server.port() + "%2Frelay%2Fcallbacks%2F");
        JsonNode body = create.json();
        assertThat(body.get("resolution").asString()).isEqualTo("720p");
        assertThat(body.get("duration").isIntegralNumber()).isTrue();
        assertThat(body.get("duration").asInt()).isEqualTo(5);
        String url = body.get("image_url").asString();
        assertThat(url).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()))).isEqualTo(png);

        Video done = finishedByWebhook(created);
        assertThat(done.status().asString()).isEqualTo("completed");
        Mp4Probe probe = Mp4Probe.of(download(created.id()));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.frameCount()).isPositive();
        assertNothingOfFalShows(created.id());
    }

    @Test
    void aTextOnlySoraCreateReachesPikasTextPathWithItsRatio() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("pika-2.2").prompt("a tram in the rain")
                .size(VideoSize._720X1280).seconds(VideoSeconds.of("10")).build());
        JsonNode body = createFor("a tram in the rain").json();
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.get("duration").asInt()).isEqualTo(10);
        assertThat(body.has("image_url")).isFalse();
        assertThat(finishedByWebhook(created).status().asString()).isEqualTo("completed");
        assertThat(Mp4Probe.of(download(created.id())).width()).isPositive();
    }

    /** The job has not been polled (the interval is ten minutes); fal's webhook makes the relay ask, and it completes. */
    private static Video finishedByWebhook(Video created) {
        assertThat(sdk.videos().retrieve(created.id()).status().asString()).isIn("queued", "in_progress");
        int delivered = fal.webhookAnswers.size();
        fal.finishAll();
        Waits.await("fal's webhook delivered", Duration.ofSeconds(20), Duration.ofMillis(20))
                .until(() -> fal.webhookAnswers.size() > delivered);
        assertThat(fal.webhookAnswers).allSatisfy(status -> assertThat(status).isBetween(200, 299).as("or a spent token's 404"));
        return SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(30));
    }

    /** The create fal received for {@code prompt}, once the job has been claimed and sent. */
    private static FakeFal.Seen createFor(String prompt) {
        Waits.await("the create sent to fal", Duration.ofSeconds(30), Duration.ofMillis(20)).until(() -> !creates(prompt).isEmpty());
        assertThat(creates(prompt)).hasSize(1);
        return creates(prompt).getFirst();
    }

    private static List<FakeFal.Seen> creates(String prompt) {
        return fal.seen(Route.CREATE).stream().filter(s -> s.json().get("prompt").asString().equals(prompt)).toList();
    }

    private static void assertNothingOfFalShows(String id) {
        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + id).body();
        assertThat(seen).doesNotContain("fal-ai").doesNotContain(fal.baseUrl()).doesNotContain(FakeFal.KEY).doesNotContain("fal_webhook");
    }

    private static byte[] download(String id) throws Exception {
        try (HttpResponse response = sdk.videos().downloadContent(id,
                VideoDownloadContentParams.builder().variant(VideoDownloadContentParams.Variant.VIDEO).build());
             InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }
}
