package dev.vidgate.testsupport;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.media.Mp4Probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of a provider's end-to-end test through the official SDK: a Sora-shaped create that completes, its MP4, an inline image. */
public final class SoraThroughSdk {
    private SoraThroughSdk() {}

    /**
     * A whole Vidgate whose {@code sora-2} goes to the relay, with one channel of {@code flavour} at {@code baseUrl}
     * mapping models as {@code models} says, polled every 100 to 500 ms.
     */
    public static TestServer relayServer(Path dir, String flavour, String baseUrl, String key, String models) {
        return TestServer.start(dir, new TestClock(), Map.of(
                "vidgate.model-engines.sora-2", "relay",
                "vidgate.relay.channels[0].name", flavour,
                "vidgate.relay.channels[0].flavour", flavour,
                "vidgate.relay.channels[0].base-url", baseUrl,
                "vidgate.relay.channels[0].api-key", key,
                "vidgate.relay.channels[0].models", models,
                "vidgate.relay.poll-interval", "100ms",
                "vidgate.relay.max-poll-interval", "500ms"));
    }

    /** Creates a {@code sora-2} video (with {@code reference} when not null), waits until it completes, and answers its id. */
    public static String completed(OpenAIClient sdk, String prompt, VideoSize size, VideoSeconds seconds, byte[] reference) {
        VideoCreateParams.Builder params = VideoCreateParams.builder().model("sora-2").prompt(prompt).size(size).seconds(seconds);
        if (reference != null) params.inputReference(reference);
        Video created = sdk.videos().create(params.build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90)).status().asString()).isEqualTo("completed");
        return created.id();
    }

    /** The MP4 Vidgate serves for {@code id}, probed (it must decode). */
    public static Mp4Probe video(OpenAIClient sdk, String id) {
        try (HttpResponse response = sdk.videos().downloadContent(id,
                VideoDownloadContentParams.builder().variant(VideoDownloadContentParams.Variant.VIDEO).build());
             InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return Mp4Probe.of(body.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code url} is a base64 {@code data:} URI of {@code mediaType} carrying exactly {@code bytes}. */
    public static void assertInline(String url, String mediaType, byte[] bytes) {
        String prefix = "data:" + mediaType + ";base64,";
        assertThat(url).startsWith(prefix);
        assertThat(Base64.getDecoder().decode(url.substring(prefix.length()))).isEqualTo(bytes);
    }
}
