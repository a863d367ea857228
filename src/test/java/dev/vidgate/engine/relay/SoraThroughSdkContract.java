package dev.vidgate.engine.relay;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.SoraThroughSdk;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static dev.vidgate.testsupport.SoraThroughSdk.completed;
import static dev.vidgate.testsupport.SoraThroughSdk.video;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unchanged Sora clients reach a provider: the official SDK creates {@code sora-2} videos on a whole Vidgate whose relay
 * has one channel of the provider at its fake ({@link SoraThroughSdk#relayServer}); the fake receives them translated
 * (a subclass checks the provider's body), and the MP4 comes back from Vidgate without a trace of the provider in what
 * the client sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SoraThroughSdkContract {
    protected TestServer server;
    protected OpenAIClient sdk;
    private AutoCloseable upstream;

    /** Starts the provider's fake (closed after the class) and answers the server with a channel at it. */
    protected abstract TestServer start(Path dir);

    /** The fake, to close after the class. */
    protected abstract AutoCloseable upstream();

    /** The one create body the provider received for {@code prompt}. */
    protected abstract JsonNode createFor(String prompt);

    /** What the provider got for a 1280x720, 8-second job with {@code png} as its reference. */
    protected abstract void assertLandscapeWithReference(JsonNode body, byte[] png);

    /** What the provider got for a 720x1280, 4-second job without an image. */
    protected abstract void assertPortraitTextOnly(JsonNode body);

    /** What of the provider must not show in Vidgate's answers (its address, key, ids, storage). */
    protected abstract List<String> traces();

    @BeforeAll
    void startAll(@TempDir Path dir) {
        server = start(dir);
        upstream = upstream();
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    void stopAll() throws Exception {
        if (server != null) server.close();
        if (upstream != null) upstream.close();
    }

    @Test
    void aSoraCreateWithAReferenceImageReachesTheProviderTranslatedAndItsVideoComesBackFromVidgate() {
        byte[] png = TestImages.png(1280, 720);
        String id = completed(sdk, "a kite over the dunes", VideoSize._1280X720, VideoSeconds._8, png);

        assertLandscapeWithReference(createFor("a kite over the dunes"), png);

        Mp4Probe probe = video(sdk, id);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.frameCount()).isPositive();
        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + id).body();
        assertThat(traces()).isNotEmpty().allSatisfy(trace -> assertThat(seen).doesNotContain(trace));
    }

    @Test
    void aTextOnlyPortraitSoraCreateReachesTheProviderWithoutAnImage() {
        String id = completed(sdk, "a tram in the rain", VideoSize._720X1280, VideoSeconds._4, null);
        assertPortraitTextOnly(createFor("a tram in the rain"));
        assertThat(video(sdk, id).width()).isPositive();
    }
}
