package dev.vidgate.engine.relay.kling;

import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.engine.relay.ProviderServer;
import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kling's callback makes a finished task reach Vidgate long before the next poll would: the relay polls every five
 * minutes here and the fake never finishes a task by being polled, yet the video completes within seconds of Kling
 * calling back.
 */
class KlingCallbacksTest {
    @TempDir
    static Path dir;
    static FakeKling kling;
    static ProviderServer vidgate;

    @BeforeAll
    static void start() {
        kling = FakeKling.start(new TestClock());
        kling.pollsToFinish = Integer.MAX_VALUE;
        kling.finishAfter = Duration.ofMillis(500);
        vidgate = ProviderServer.start(dir, "kling", kling.baseUrl(), FakeKling.ACCESS_KEY + ":" + FakeKling.SECRET_KEY,
                "kling-v2-6", Map.of("vidgate.relay.poll-interval", "5m", "vidgate.relay.max-poll-interval", "10m"));
    }

    @AfterAll
    static void stop() {
        if (vidgate != null) vidgate.close();
        if (kling != null) kling.close();
    }

    @Test
    void aTaskFinishedAtKlingIsPickedUpByItsCallbackNotByTheNextPoll() {
        Video done = vidgate.createAndAwait(VideoCreateParams.builder().model("kling-v2-6").prompt("a heron over a lake")
                .seconds(VideoSeconds.of("5")).size(VideoSize._1280X720).build());
        assertThat(done.status().asString()).isEqualTo("completed");
        assertThat(kling.callbacks.answered()).containsExactly(200);
        assertThat(kling.seen(FakeKling.Route.CREATE).getFirst().body().path("callback_url").asString())
                .startsWith(vidgate.server.baseUrl() + "/relay/callbacks/");
    }
}
