package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.jobs.ExpirySweeper;
import dev.vidgate.testsupport.ApiAssertions;
import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing is lost across a restart, and content expires on time while the record stays. */
class RestartAndExpiryTest {

    @Test
    void aJobInterruptedMidRenderByARestartResumesAndCompletes(@TempDir Path dataDir) throws Exception {
        String id;
        String finished;
        try (TestServer first = TestServer.start(dataDir)) {
            OpenAIClient sdk = SdkClients.client(first, TestServer.API_KEY);
            finished = sdk.videos().create(VideoCreateParams.builder().prompt("done before the restart").build()).id();
            assertThat(SdkClients.awaitFinished(sdk, finished, Duration.ofSeconds(120)).status().asString()).isEqualTo("completed");

            id = sdk.videos().create(VideoCreateParams.builder().model("sora-2-pro").prompt("a long pan over a city")
                    .seconds(VideoSeconds._12).size(VideoSize.of("1920x1080")).build()).id();
            ApiCalls.awaitVideo(id, Duration.ofSeconds(60), () -> sdk.videos().retrieve(id), v -> v.status().asString(),
                    v -> v.status().asString().equals("in_progress") && v.progress() > 0);
        }

        try (TestServer second = TestServer.start(dataDir)) {
            OpenAIClient sdk = SdkClients.client(second, TestServer.API_KEY);
            Video resumed = SdkClients.awaitFinished(sdk, id, Duration.ofSeconds(300));
            assertThat(resumed.status().asString()).isEqualTo("completed");
            var info = Mp4Probe.of(new RawHttp(second.baseUrl(), TestServer.API_KEY).getBytes("/v1/videos/" + id + "/content").body());
            assertThat(info.width()).isEqualTo(1920);
            assertThat(info.frameCount()).isEqualTo(12 * 24);
            // What finished before the restart is still there.
            assertThat(new RawHttp(second.baseUrl(), TestServer.API_KEY).getBytes("/v1/videos/" + finished + "/content").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void contentExpiresAfterTheRetentionWhileTheRecordStays(@TempDir Path dataDir) throws Exception {
        TestClock clock = new TestClock();
        try (TestServer server = TestServer.start(dataDir, clock, Map.of("vidgate.retention", "2h"))) {
            OpenAIClient sdk = SdkClients.client(server, TestServer.API_KEY);
            String id = sdk.videos().create(VideoCreateParams.builder().prompt("short lived").build()).id();
            Video done = SdkClients.awaitFinished(sdk, id, Duration.ofSeconds(120));
            assertThat(done.expiresAt()).contains(done.completedAt().orElseThrow() + 2 * 3600);
            RawHttp http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
            assertThat(http.getBytes("/v1/videos/" + id + "/content").statusCode()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(119));
            assertThat(server.bean(ExpirySweeper.class).sweepDue(Duration.ofMinutes(1))).isZero();
            assertThat(http.getBytes("/v1/videos/" + id + "/content").statusCode()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(2));
            assertThat(server.bean(ExpirySweeper.class).sweepDue(Duration.ofMinutes(1))).isEqualTo(1);
            var expired = http.get("/v1/videos/" + id + "/content");
            ApiAssertions.assertError(expired, 404, null, "video_id", "video_expired");
            assertThat(expired.body()).contains("expired");
            assertThat(http.get("/v1/videos/" + id + "/content?variant=thumbnail").statusCode()).isEqualTo(404);
            var record = http.get("/v1/videos/" + id);
            assertThat(record.statusCode()).isEqualTo(200);
            assertThat(record.body()).contains("\"status\":\"completed\"");
            assertThat(dataDir.resolve("content/videos/" + id + "/video.mp4")).doesNotExist();
        }
    }
}
