package dev.vidgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.S3ProxyServer;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole app on S3 (s3proxy), driven by the official SDK: one node streams content through the API, another,
 * sharing the bucket, redirects {@code /content} to presigned URLs.
 */
class VideosOnS3Test {
    private static final String PREFIX = "vidgate";

    @TempDir
    static Path streamingDir;
    @TempDir
    static Path redirectingDir;
    static S3ProxyServer s3;
    static String bucket;
    static TestServer streaming;
    static TestServer redirecting;

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.start();
        bucket = s3.createBucket();
        streaming = TestServer.start(streamingDir, new TestClock(), s3.appProperties(bucket, PREFIX));
        var redirect = new HashMap<>(s3.appProperties(bucket, PREFIX));
        redirect.put("vidgate.storage.s3.presigned-redirect", "true");
        redirect.put("vidgate.storage.s3.presigned-ttl", "2m");
        redirecting = TestServer.start(redirectingDir, new TestClock(), redirect);
    }

    @AfterAll
    static void stop() {
        if (streaming != null) streaming.close();
        if (redirecting != null) redirecting.close();
        s3.close();
    }

    @Test
    void aVideoMadeThroughTheSdkLandsInTheBucketAndDownloadsAsADecodableMp4() throws Exception {
        OpenAIClient sdk = SdkClients.client(streaming, TestServer.API_KEY);
        String id = render(sdk);

        assertThat(s3.keys(bucket)).contains(
                PREFIX + "/videos/" + id + "/video.mp4",
                PREFIX + "/videos/" + id + "/thumbnail.webp",
                PREFIX + "/videos/" + id + "/spritesheet.jpg");
        assertThat(streamingDir.resolve("content")).satisfiesAnyOf(
                dir -> assertThat(dir).doesNotExist(),
                dir -> assertThat(Files.list(dir)).isEmpty());

        byte[] mp4 = download(sdk, id);
        assertThat(mp4).isEqualTo(s3.client().getObjectAsBytes(b -> b.bucket(bucket).key(PREFIX + "/videos/" + id + "/video.mp4"))
                .asByteArray());
        var info = Mp4Probe.of(mp4);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);

        var range = new RawHttp(streaming.baseUrl(), TestServer.API_KEY)
                .getBytes("/v1/videos/" + id + "/content", "Range", "bytes=100-199");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(mp4, 100, 200));

        sdk.videos().delete(id);
        assertThat(s3.keys(bucket)).noneMatch(k -> k.contains(id));
    }

    @Test
    void withPresignedRedirectsTheSdkFollowsContentToTheBucketAndGetsTheSameBytes() throws Exception {
        OpenAIClient sdk = SdkClients.client(redirecting, TestServer.API_KEY);
        String id = render(sdk);

        byte[] mp4 = download(sdk, id);
        assertThat(Mp4Probe.of(mp4).videoCodec()).isEqualTo("h264");
        assertThat(mp4).isEqualTo(s3.client().getObjectAsBytes(b -> b.bucket(bucket).key(PREFIX + "/videos/" + id + "/video.mp4"))
                .asByteArray());

        var redirect = new RawHttp(redirecting.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + id + "/content");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Cache-Control")).contains("no-store");
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(s3.endpoint() + "/" + bucket + "/" + PREFIX + "/videos/" + id + "/video.mp4?");

        // What a browser does next: a ranged GET on the URL alone, no API key.
        try (HttpClient http = HttpClient.newHttpClient()) {
            var range = http.send(HttpRequest.newBuilder(location).header("Range", "bytes=1000-1999").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(mp4, 1000, 2000));
            assertThat(range.headers().firstValue("Content-Type")).contains("video/mp4");
            assertThat(range.headers().firstValue("Content-Disposition")).contains("inline; filename=\"" + id + ".mp4\"");
        }

        var unauthenticated = new RawHttp(redirecting.baseUrl(), null).get("/v1/videos/" + id + "/content");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("Location")).isEmpty();
    }

    private static String render(OpenAIClient sdk) throws InterruptedException {
        Video created = sdk.videos().create(VideoCreateParams.builder().prompt("a lighthouse in a storm, waves breaking")
                .seconds(VideoSeconds._4).size(VideoSize._1280X720).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(120)).status().asString()).isEqualTo("completed");
        return created.id();
    }

    private static byte[] download(OpenAIClient sdk, String id) throws Exception {
        try (HttpResponse response = sdk.videos().downloadContent(id,
                VideoDownloadContentParams.builder().variant(VideoDownloadContentParams.Variant.VIDEO).build());
             InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }
}
