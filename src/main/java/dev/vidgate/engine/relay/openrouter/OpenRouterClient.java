package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.ResultLinks;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One channel's OpenRouter connection: {@code POST {base}/videos} submits, {@code GET {base}/videos/{id}} polls, both
 * with the key as Bearer token. A finished job is downloaded from {@code unsigned_urls[0]} (OpenRouter's content route,
 * {@code /videos/{id}/content?index=0}) with the key, which is sent only when that URL is on the base's own origin;
 * otherwise from the signed {@code urls[0]} without it. OpenRouter has no cancel: a cancelled job's generation runs to
 * its end there.
 */
final class OpenRouterClient implements ProviderClient {
    private final ChannelSettings settings;
    private final Transport transport;
    private final ObjectMapper json;
    private final OpenRouterAnswers answers;
    private final URI base;

    OpenRouterClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.base = URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/");
        this.answers = new OpenRouterAnswers(json, base, settings.apiKey().reveal());
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        byte[] body = json.writeValueAsBytes(OpenRouterRequests.body(json, submission));
        HttpRequest post = authorized(transport.request(base.resolve("videos"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return transport.observed(() -> answers.created(transport.exchange(post)));
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        URI job = base.resolve("videos/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpRequest get = authorized(transport.request(job)).GET().build();
        return transport.observed(id, () -> {
            Answer answer = transport.exchange(get);
            return new Polled(answers.job(answer, id), null);
        });
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        URI url = ResultLinks.url(finished.locator());
        boolean ours = Objects.equals(url.getScheme(), base.getScheme()) && Objects.equals(url.getHost(), base.getHost())
                && url.getPort() == base.getPort();
        return transport.observed(finished.id(), () -> transport.download(url, builder -> ours ? authorized(builder) : builder,
                target, maxBytes, timeout, answers::resultFailure));
    }

    /** OpenRouter cannot stop a video job; the job is cancelled here and generated (and billed) there. */
    @Override
    public void cancel(String id) {}

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.header("Authorization", "Bearer " + settings.apiKey().reveal());
    }
}
