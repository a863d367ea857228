package dev.vidgate.engine.relay.ark;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamVideo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One channel's Ark connection: {@code POST {base}/contents/generations/tasks} creates, {@code GET .../tasks/{id}}
 * polls, {@code DELETE .../tasks/{id}} cancels a queued task or deletes a finished one, all with the channel's key as
 * Bearer token; the result is downloaded from its signed URL without the key (it is another host's, and the
 * signature is the credential).
 *
 * <p>Ark cannot stop a running task: it refuses the {@code DELETE}. A cancel then does nothing more: Vidgate stops
 * following the task (the job is already cancelled here), Ark finishes it and keeps its record for 7 days.
 */
final class ArkClient implements ProviderClient {
    private static final Logger log = LoggerFactory.getLogger(ArkClient.class);

    private final ChannelSettings settings;
    private final Transport transport;
    private final ObjectMapper json;
    private final ArkAnswers answers;
    private final String tasks;

    ArkClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.answers = new ArkAnswers(json, settings.apiKey().reveal());
        this.tasks = settings.baseUrl().toString().replaceAll("/+$", "") + "/contents/generations/tasks";
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        byte[] body = json.writeValueAsBytes(ArkRequests.body(json, submission));
        HttpRequest post = request(URI.create(tasks)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return transport.observed(() -> answers.created(transport.exchange(post)));
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        HttpRequest get = request(task(id)).GET().build();
        return transport.observed(id, () -> {
            Answer answer = transport.exchange(get);
            UpstreamVideo video = answers.task(answer);
            if (!video.id().equals(id)) {
                throw new UpstreamException(Kind.BROKEN, "The provider answered about a different task.", answer.status(), null, null);
            }
            return new Polled(video, null);
        });
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        URI url = resultUrl(finished.locator());
        return transport.observed(finished.id(),
                () -> transport.download(url, builder -> builder, target, maxBytes, timeout, ArkAnswers::resultFailure));
    }

    /** Cancels a queued task; a running one cannot be stopped at Ark, and is left to finish (see the class comment). */
    @Override
    public void cancel(String id) throws UpstreamException, InterruptedException {
        try {
            delete(id);
        } catch (UpstreamException e) {
            if (e.kind() != Kind.REJECTED) throw e;
            log.info("channel {}: the provider cannot cancel a task that is already running; it will finish there ({})",
                    settings.name(), e.getMessage());
        }
    }

    @Override
    public void delete(String id) throws UpstreamException, InterruptedException {
        HttpRequest delete = request(task(id)).DELETE().build();
        transport.observed(id, () -> {
            answers.acknowledged(transport.exchange(delete));
            return null;
        });
    }

    private HttpRequest.Builder request(URI uri) {
        return transport.request(uri).header("Authorization", "Bearer " + settings.apiKey().reveal());
    }

    private URI task(String id) {
        return URI.create(tasks + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static URI resultUrl(String locator) throws UpstreamException {
        try {
            URI url = locator == null ? null : new URI(locator);
            if (url != null && url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // described below
        }
        throw new UpstreamException(Kind.BROKEN, "The provider's result link is not a usable web address.");
    }
}
