package dev.vidgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import dev.vidgate.video.JobStore;
import dev.vidgate.testsupport.S3ProxyServer;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.media.Mp4Probe;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** S3 goes away while a job finishes: the job is tried again, nothing half-stored stays, and it completes once S3 is back. */
class S3OutageTest {
    @TempDir
    Path dataDir;
    S3ProxyServer s3;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (s3 != null) s3.close();
    }

    @Test
    @Timeout(180)
    void aJobWhoseOutputCannotBeStoredIsRetriedAndCompletesOnceWhenS3IsBack() throws Exception {
        s3 = S3ProxyServer.start();
        String bucket = s3.createBucket();
        var props = new HashMap<>(s3.appProperties(bucket, ""));
        props.put("vidgate.storage.s3.timeout", "2s");
        props.put("vidgate.max-attempts", "50"); // the outage must not use up the job's attempts
        props.put("vidgate.storage.retry-delay", "1s");
        server = TestServer.start(dataDir, new TestClock(), props);
        OpenAIClient sdk = SdkClients.client(server, TestServer.API_KEY);

        s3.goDown();
        String id = sdk.videos().create(VideoCreateParams.builder().prompt("rain on a tin roof").seconds(VideoSeconds._4).build()).id();
        // The failed store puts the job back in line; the node claims nothing until its probe can write to S3 again.
        awaitRequeued(id);
        assertThat(sdk.videos().retrieve(id).status().asString()).isEqualTo("queued");
        s3.recover();

        Video done = SdkClients.awaitFinished(sdk, id, Duration.ofSeconds(120));
        assertThat(done.status().asString()).isEqualTo("completed");
        assertThat(s3.keys(bucket)).containsExactly(
                "videos/" + id + "/spritesheet.jpg", "videos/" + id + "/thumbnail.webp", "videos/" + id + "/video.mp4");
        assertThat(s3.pendingUploads(bucket)).isEmpty();
        try (HttpResponse response = sdk.videos().downloadContent(id); InputStream body = response.body()) {
            assertThat(Mp4Probe.of(body.readAllBytes()).videoCodec()).isEqualTo("h264");
        }
    }

    @Test
    @Timeout(180)
    void aDeleteWhileS3IsDownAnswers503AndKeepsTheRecordSoTheRetryRemovesEverything() throws Exception {
        s3 = S3ProxyServer.start();
        String bucket = s3.createBucket();
        var props = new HashMap<>(s3.appProperties(bucket, ""));
        props.put("vidgate.storage.s3.timeout", "2s");
        server = TestServer.start(dataDir, new TestClock(), props);
        OpenAIClient sdk = SdkClients.client(server, TestServer.API_KEY);
        String id = sdk.videos().create(VideoCreateParams.builder().prompt("short").seconds(VideoSeconds._4).build()).id();
        SdkClients.awaitFinished(sdk, id, Duration.ofSeconds(120));
        var http = new dev.vidgate.testsupport.RawHttp(server.baseUrl(), TestServer.API_KEY);

        s3.goDown();
        var failed = http.delete("/v1/videos/" + id);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(http.get("/v1/videos/" + id).statusCode()).isEqualTo(200);
        s3.recover();

        assertThat(http.delete("/v1/videos/" + id).statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/videos/" + id).statusCode()).isEqualTo(404);
        assertThat(s3.keys(bucket)).isEmpty();
    }

    /** Waits (polling the job store) until the job's first attempt failed and it is queued again. */
    private void awaitRequeued(String id) {
        JobStore jobs = server.bean(JobStore.class);
        Waits.await("job " + id + " retried", Duration.ofSeconds(120), Duration.ofMillis(100))
                .until(() -> jobs.findById(id).filter(v -> v.attempts() >= 1 && v.status() == dev.vidgate.video.VideoStatus.QUEUED).isPresent());
    }
}
