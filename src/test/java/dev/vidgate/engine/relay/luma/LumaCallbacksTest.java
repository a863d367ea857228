package dev.vidgate.engine.relay.luma;

import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.engine.relay.ProviderServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Luma's callback makes a finished generation reach Vidgate long before the next poll would: the relay polls every
 * five minutes here, and the video still completes within seconds of Luma calling back.
 */
class LumaCallbacksTest {
    @TempDir
    static Path dir;
    static FakeLuma luma;
    static ProviderServer vidgate;

    @BeforeAll
    static void start() {
        luma = new FakeLuma();
        luma.finishAfter = Duration.ofMillis(500);
        vidgate = ProviderServer.start(dir, "luma", luma.baseUrl(), FakeLuma.KEY, "ray-2",
                Map.of("vidgate.relay.poll-interval", "5m", "vidgate.relay.max-poll-interval", "10m"));
    }

    @AfterAll
    static void stop() {
        if (vidgate != null) vidgate.close();
        if (luma != null) luma.close();
    }

    @Test
    void aGenerationFinishedAtLumaIsPickedUpByItsCallbackNotByTheNextPoll() {
        Video done = vidgate.createAndAwait(VideoCreateParams.builder().model("ray-2").prompt("a kite over dunes")
                .seconds(VideoSeconds.of("5")).size(VideoSize._1280X720).build());
        assertThat(done.status().asString()).isEqualTo("completed");
        assertThat(luma.callbacksAnswered).containsExactly(200);
    }
}
