package dev.vidgate.engine.relay.minimax;

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
 * One MiniMax channel. Hailuo jobs go to the v1 API, H3 jobs to v2; a v2 job's id carries {@code v2:} so that a poll
 * after a restart knows where to ask. A finished v1 job is a {@code file_id}, whose download URL {@code files/retrieve}
 * gives (with our key); the URL itself, like a v2 result URL, is fetched without it. MiniMax has no cancel: a cancelled
 * job runs to its end there.
 */
final class MiniMaxClient implements ProviderClient {
    private final ChannelSettings settings;
    private final Transport transport;
    private final ObjectMapper json;
    private final MiniMaxAnswers answers;
    private final String root;

    MiniMaxClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.answers = new MiniMaxAnswers(json, settings.apiKey().reveal());
        this.root = settings.baseUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        boolean v2 = MiniMaxRequest.v2(submission.upstreamModel());
        var body = v2 ? MiniMaxRequest.v2(json, submission) : MiniMaxRequest.v1(json, submission);
        HttpRequest post = request(v2 ? "/v2/video_generation" : "/v1/video_generation")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        return transport.observed(() -> {
            String id = answers.created(transport.exchange(post), v2);
            return new UpstreamVideo(id, "queued", dev.vidgate.engine.relay.UpstreamPhase.QUEUED, null, null, null, null, null, null);
        });
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        boolean v2 = id.startsWith(MiniMaxAnswers.V2);
        HttpRequest get = request(v2 ? "/v2/query/video_generation/" + encode(id.substring(MiniMaxAnswers.V2.length()))
                : "/v1/query/video_generation?task_id=" + encode(id)).GET().build();
        return transport.observed(id, () -> {
            Answer answer = transport.exchange(get);
            return new Polled(v2 ? answers.v2Task(answer, id) : answers.v1Task(answer, id), null);
        });
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        if (finished.locator() == null) throw new UpstreamException(Kind.NOT_FOUND, "The provider gave no file for the video.");
        return transport.observed(finished.id(), () -> {
            String url = finished.locator();
            if (!finished.id().startsWith(MiniMaxAnswers.V2)) {
                url = answers.downloadUrl(transport.exchange(request("/v1/files/retrieve?file_id=" + encode(url)).GET().build()));
            }
            return transport.download(URI.create(url), b -> b, target, maxBytes, timeout, ResultLinks::failure);
        });
    }

    /** MiniMax offers no cancel. */
    @Override
    public void cancel(String id) {}

    private HttpRequest.Builder request(String path) {
        return transport.request(URI.create(root + path)).header("Authorization", "Bearer " + settings.apiKey().reveal());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
