package dev.vidgate.engine.relay.ark;

import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.engine.relay.ProviderServer;
import dev.vidgate.engine.relay.ark.FakeArk.Route;
import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ark's callback makes a finished task reach Vidgate long before the next poll would: the relay polls every five
 * minutes here and the fake's polls never finish a task, yet the video completes within seconds of Ark calling back.
 */
class ArkCallbacksTest {
    @TempDir
    static Path dir;
    static FakeArk ark;
    static ProviderServer vidgate;

    @BeforeAll
    static void start() {
        ark = new FakeArk(new TestClock());
        ark.script = List.of("queued", "running");
        ark.finishAfter = Duration.ofMillis(500);
        vidgate = ProviderServer.start(dir, "ark", ark.baseUrl(), FakeArk.KEY, "sora-2=" + ArkRelay.SEEDANCE,
                Map.of("vidgate.relay.poll-interval", "5m", "vidgate.relay.max-poll-interval", "10m"));
    }

    @AfterAll
    static void stop() {
        if (vidgate != null) vidgate.close();
        if (ark != null) ark.close();
    }

    @Test
    void aTaskFinishedAtArkIsPickedUpByItsCallbackNotByTheNextPoll() {
        Video done = vidgate.createAndAwait(VideoCreateParams.builder().model("sora-2").prompt("a red kite over a beach")
                .seconds(VideoSeconds._4).size(VideoSize._1280X720).build());
        assertThat(done.status().asString()).isEqualTo("completed");
        assertThat(ark.callbacks.answered()).containsExactly(200);
        assertThat(ark.seen(Route.CREATE).getFirst().json().path("callback_url").asString())
                .startsWith(vidgate.server.baseUrl() + "/relay/callbacks/");
    }
}
