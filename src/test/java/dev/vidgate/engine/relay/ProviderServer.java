package dev.vidgate.engine.relay;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.Ports;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Vidgate whose relay has one channel of a provider flavour at that provider's fake, driven by the official
 * OpenAI SDK: what each provider's end-to-end test runs. The server's {@code vidgate.public-url} is its own address,
 * so providers that fetch images by URL fetch them from it.
 */
public final class ProviderServer implements AutoCloseable {
    public final TestServer server;
    public final OpenAIClient sdk;

    private ProviderServer(TestServer server) {
        this.server = server;
        this.sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    /**
     * Starts the server with the channel {@code flavour} at {@code baseUrl}, serving {@code models} (the channel's syntax,
     * {@code ours=theirs,...}); those models go to the relay, the others stay on the built-in engine.
     */
    public static ProviderServer start(Path dir, String flavour, String baseUrl, String key, String models) {
        return start(dir, flavour, baseUrl, key, models, Map.of());
    }

    /** As above, with more properties (or other values for the polling intervals). */
    public static ProviderServer start(Path dir, String flavour, String baseUrl, String key, String models, Map<String, String> more) {
        int port = Ports.free();
        Map<String, String> properties = new HashMap<>(Map.of(
                "vidgate.public-url", "http://127.0.0.1:" + port,
                "vidgate.relay.channels[0].name", flavour,
                "vidgate.relay.channels[0].flavour", flavour,
                "vidgate.relay.channels[0].base-url", baseUrl,
                "vidgate.relay.channels[0].api-key", key,
                "vidgate.relay.channels[0].models", models,
                "vidgate.relay.poll-interval", "100ms",
                "vidgate.relay.max-poll-interval", "500ms"));
        properties.putAll(more);
        for (String entry : models.split(",")) properties.put("vidgate.model-engines[" + entry.split("=")[0].trim() + "]", "relay");
        // the port is chosen first so that the public address can name it
        TestServer server = TestServer.start(dir, new TestClock(), properties, context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("provider-server-port", Map.of("server.port", port))));
        return new ProviderServer(server);
    }

    /** Creates a video through the SDK and waits for it to complete. */
    public Video createAndAwait(VideoCreateParams params) {
        Video created = sdk.videos().create(params);
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90));
        assertThat(done.status().asString()).as("%s", done.error()).isEqualTo("completed");
        return done;
    }

    /** The MP4 of a completed video, downloaded from Vidgate through the SDK. */
    public byte[] download(String id) throws IOException {
        try (HttpResponse response = sdk.videos().downloadContent(id,
                VideoDownloadContentParams.builder().variant(VideoDownloadContentParams.Variant.VIDEO).build());
             InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }

    /** The video as a client reads it (raw JSON), to show nothing of the provider shows through. */
    public String asClientSeesIt(String id) {
        return new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + id).body();
    }


    @Override
    public void close() {
        server.close();
    }
}
