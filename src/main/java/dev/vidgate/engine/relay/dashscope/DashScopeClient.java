package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.ResultLinks;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One DashScope channel: the asynchronous video-synthesis create (which DashScope refuses without
 * {@code X-DashScope-Async: enable}), the task query, the download of {@code output.video_url} (a signed URL, fetched
 * without our key) and the cancel of a task still pending.
 */
final class DashScopeClient implements ProviderClient {
    private static final String CREATE = "/api/v1/services/aigc/video-generation/video-synthesis";

    private final ChannelSettings settings;
    private final Transport transport;
    private final ObjectMapper json;
    private final DashScopeAnswers answers;
    private final String root;

    DashScopeClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.answers = new DashScopeAnswers(json, settings.apiKey().reveal());
        this.root = settings.baseUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        byte[] body = json.writeValueAsBytes(DashScopeRequest.body(json, submission,
                settings.option(DashScopeProvider.PROMPT_EXTEND).map(Boolean::parseBoolean).orElse(null)));
        HttpRequest post = request(CREATE)
                .header("Content-Type", "application/json")
                .header("X-DashScope-Async", "enable")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return transport.observed(() -> answers.created(transport.exchange(post)));
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        HttpRequest get = request("/api/v1/tasks/" + encode(id)).GET().build();
        return transport.observed(id, () -> new Polled(answers.task(transport.exchange(get), id), null));
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        if (finished.locator() == null) throw new UpstreamException(Kind.NOT_FOUND, "The provider gave no address for the video.");
        URI uri = URI.create(finished.locator());
        // the result URL is signed by itself: our key never goes with it
        return transport.observed(finished.id(), () -> transport.download(uri, b -> b, target, maxBytes, timeout, ResultLinks::failure));
    }

    /** DashScope cancels only a task still {@code PENDING}; a running or ended one answers an error, which changes nothing. */
    @Override
    public void cancel(String id) throws UpstreamException, InterruptedException {
        HttpRequest post = request("/api/v1/tasks/" + encode(id) + "/cancel").POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            transport.observed(id, () -> {
                Answer answer = transport.exchange(post);
                if (!answer.ok()) throw answers.failure(answer);
                return null;
            });
        } catch (UpstreamException e) {
            if (e.kind() != Kind.REJECTED) throw e;
        }
    }

    private HttpRequest.Builder request(String path) {
        return transport.request(URI.create(root + path)).header("Authorization", "Bearer " + settings.apiKey().reveal());
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
