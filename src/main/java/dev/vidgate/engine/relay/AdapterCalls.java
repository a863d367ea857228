package dev.vidgate.engine.relay;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Calls that provider adapters with a Bearer key and signed result URLs make alike. */
public final class AdapterCalls {
    private AdapterCalls() {}

    /** {@code builder} with {@code Authorization: Bearer} when the channel has a key. */
    public static HttpRequest.Builder bearer(HttpRequest.Builder builder, ApiKey key) {
        if (key != null) builder.header("Authorization", "Bearer " + key.reveal());
        return builder;
    }

    /** An upstream id as one path segment. */
    public static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends {@code request} about job {@code id}, accepting any 2xx answer; others are {@code failure}'s exception. */
    public static void acknowledged(Transport transport, String id, HttpRequest request, Transport.FailureReader failure)
            throws UpstreamException, InterruptedException {
        transport.observed(id, () -> {
            Answer answer = transport.exchange(request);
            if (!answer.ok()) throw failure.failure(answer);
            return null;
        });
    }

    /**
     * Streams the video at {@code finished}'s locator, a signed URL of the provider's storage: no credentials go with it,
     * and a 403 or 404 there is an expired link ({@link ResultLinks#failure}).
     */
    public static long signedDownload(Transport transport, UpstreamVideo finished, Path target, long maxBytes, Duration timeout)
            throws UpstreamException, InterruptedException {
        URI uri = URI.create(finished.locator());
        return transport.observed(finished.id(),
                () -> transport.download(uri, b -> b, target, maxBytes, timeout, ResultLinks::failure));
    }
}
