package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.videos.Video;
import dev.vidgate.testsupport.TestServer;

import java.time.Duration;
import java.time.Instant;

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
    public static Video awaitFinished(OpenAIClient client, String id, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            Video v = client.videos().retrieve(id);
            String status = v.status().asString();
            if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) return v;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("video " + id + " still " + status + " after " + limit);
            Thread.sleep(200);
        }
    }
}
