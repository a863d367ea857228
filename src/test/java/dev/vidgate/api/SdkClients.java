package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.TestServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;

/** The official OpenAI Java SDK pointed at a test server, and polling the way its users poll. */
public final class SdkClients {
    private SdkClients() {}

    public static OpenAIClient client(TestServer server, String apiKey) {
        return retrying(server.baseUrl(), apiKey, 0);
    }

    /** A client of the server at {@code baseUrl} (scheme, host and port), without retries. */
    public static OpenAIClient client(String baseUrl, String apiKey) {
        return retrying(baseUrl, apiKey, 0);
    }

    /** A client that retries as the SDK does by default (429 and 5xx, honouring retry-after and x-should-retry). */
    static OpenAIClient retrying(TestServer server, String apiKey, int maxRetries) {
        return retrying(server.baseUrl(), apiKey, maxRetries);
    }

    private static OpenAIClient retrying(String baseUrl, String apiKey, int maxRetries) {
        return OpenAIOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl + "/v1")
                .maxRetries(maxRetries)
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    /** Retrieves until the video is finished (completed, failed or cancelled), for at most {@code limit}. */
    public static Video awaitFinished(OpenAIClient client, String id, Duration limit) {
        return awaitStatus(client, id, limit, "completed", "failed", "cancelled");
    }

    /** Retrieves until the video has one of {@code statuses}, for at most {@code limit}; another end fails at once. */
    public static Video awaitStatus(OpenAIClient client, String id, Duration limit, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return ApiCalls.awaitVideo(id, limit, () -> client.videos().retrieve(id), v -> v.status().asString(),
                v -> wanted.contains(v.status().asString()));
    }

    /** The video's MP4 as the SDK downloads it; anything but a 200 is an assertion failure. */
    public static byte[] downloadVideo(OpenAIClient client, String id) {
        try (HttpResponse response = client.videos().downloadContent(id); InputStream body = response.body()) {
            if (response.statusCode() != 200) throw new AssertionError("download of " + id + " answered " + response.statusCode());
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
