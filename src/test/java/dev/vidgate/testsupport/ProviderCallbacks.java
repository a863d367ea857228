package dev.vidgate.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider fake calling back: POSTs JSON to a callback URL as the provider does when a task changes, and keeps the
 * HTTP status each call got ({@code 0} when there was no answer), so a test can see that the callback was taken.
 */
public final class ProviderCallbacks {
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Integer> answered = new CopyOnWriteArrayList<>();

    /** POSTs {@code body} to {@code url} and notes the status it got. */
    public void post(String url, byte[] body) {
        HttpRequest post = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            answered.add(client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException | IllegalArgumentException e) {
            answered.add(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status each callback got, in order. */
    public List<Integer> answered() {
        return List.copyOf(answered);
    }
}
