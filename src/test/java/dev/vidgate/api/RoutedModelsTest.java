package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.video.Adjustment;
import dev.vidgate.video.JobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Relay channels that send {@code sora-2} as Veo 3.1 Fast, and {@code sora-2-pro} as Veo 3.1 with
 * {@code duration-policy=nearest}: what a Sora client may ask is what Veo makes. The upstream accepts connections and
 * never answers (a job that never ends), so a created job stays held while the test looks at it; nothing here
 * depends on what the relay sends.
 */
class RoutedModelsTest {
    private static final SilentUpstream UPSTREAM = new SilentUpstream();
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2()
            .with("vidgate.engine", "relay")
            .with("vidgate.relay.channels[0].name", "veo-fast")
            .with("vidgate.relay.channels[0].base-url", UPSTREAM.baseUrl())
            .with("vidgate.relay.channels[0].api-key", "sk-upstream-0123456789abcdef")
            .with("vidgate.relay.channels[0].request-timeout", "10m")
            .with("vidgate.relay.channels[0].models", "sora-2=veo-3.1-fast-generate-001")
            .with("vidgate.relay.channels[1].name", "veo-snapping")
            .with("vidgate.relay.channels[1].base-url", UPSTREAM.baseUrl())
            .with("vidgate.relay.channels[1].api-key", "sk-upstream-0123456789abcdef")
            .with("vidgate.relay.channels[1].request-timeout", "10m")
            .with("vidgate.relay.channels[1].models", "sora-2-pro=veo-3.1-generate-001")
            .with("vidgate.relay.channels[1].duration-policy", "nearest");
    static final FundedTenant studio = new FundedTenant(server, "studio");

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    private static JsonNode model(String id) {
        return ok(studio.http().get("/v1/videos/models")).get("data").valueStream().filter(m -> m.get("id").asString().equals(id))
                .findFirst().orElseThrow();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void theModelsListShowsWhatTheRoutedModelsMakeUnderTheirOwnNames() {
        JsonNode sora = model("sora-2");
        assertThat(strings(sora.get("seconds"))).containsExactly("4", "6", "8");
        assertThat(sora.get("sizes").valueStream().map(s -> s.get("size").asString()))
                .containsExactly("1280x720", "720x1280", "1920x1080", "1080x1920", "3840x2160", "2160x3840");
        assertThat(strings(sora.get("inputs"))).containsExactly("text", "first_frame", "last_frame");
        assertThat(sora.get("owned_by").asString()).isEqualTo("openai");
        assertThat(sora.get("duration_policy").asString()).isEqualTo("exact");
        assertThat(model("sora-2-pro").get("duration_policy").asString()).isEqualTo("nearest");
        assertThat(strings(model("sora-2-pro").get("inputs"))).containsExactly("text", "first_frame", "last_frame", "reference_images");
    }

    @Test
    void anUnchangedSoraClientAskingForTwelveSecondsOnAVeoChannelIsRefusedNamingVeosDurationsAndNothingIsCreated() {
        OpenAIClient sdk = SdkClients.client(server.server(), studio.secret());
        var twelve = VideoCreateParams.builder().model("sora-2").prompt("a lighthouse").seconds(VideoSeconds._12)
                .size(VideoSize._1280X720).build();
        assertThatThrownBy(() -> sdk.videos().create(twelve)).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.getMessage()).contains("seconds must be one of \"4\", \"6\", \"8\"");
            assertThat(e.param()).contains("seconds");
            assertThat(e.code()).contains("invalid_value");
        });
        studio.assertNothingHeldOrStored();
    }

    @Test
    void onASnappingChannelTwelveSecondsBecomeEightHeldForEightAndTheVideoSaysSo() {
        long before = studio.balance();
        JsonNode created = ok(studio.http().postJson("/v1/videos",
                "{\"prompt\":\"a lighthouse\",\"model\":\"sora-2-pro\",\"size\":\"1280x720\",\"seconds\":\"12\"}"));
        assertThat(created.get("seconds").asString()).isEqualTo("8");
        assertThat(created.get("adjustments").toString()).isEqualTo("[{\"param\":\"seconds\",\"requested\":\"12\",\"used\":\"8\"}]");
        assertThat(before - studio.balance()).as("held for 8 s of sora-2-pro at 720p").isEqualTo(8 * 300_000L);

        String id = created.get("id").asString();
        JsonNode again = ok(studio.http().get("/v1/videos/" + id));
        assertThat(again.get("adjustments")).isEqualTo(created.get("adjustments"));
        var stored = server.server().bean(JobStore.class).findById(id).orElseThrow();
        assertThat(stored.seconds()).isEqualTo(8);
        assertThat(stored.adjustments()).containsExactly(new Adjustment("seconds", "12", "8"));

        JsonNode exact = ok(studio.http().postJson("/v1/videos", "{\"prompt\":\"a lighthouse\",\"model\":\"sora-2-pro\",\"seconds\":\"6\"}"));
        assertThat(exact.get("seconds").asString()).isEqualTo("6");
        assertThat(exact.has("adjustments")).as("omitted when nothing was changed").isFalse();
        for (JsonNode video : List.of(created, exact)) ok(studio.http().post("/v1/videos/" + video.get("id").asString() + "/cancel", null, new byte[0]));
    }

    /** Accepts connections on 127.0.0.1 and never answers: an upstream whose jobs never end. */
    private static final class SilentUpstream implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentUpstream() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket s : held) s.close();
            } catch (IOException ignored) {
                // closing a test socket
            }
        }
    }
}
