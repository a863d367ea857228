package dev.vidgate.engine.relay.kling;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
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
 * One channel's connection to Kling: {@code POST /v1/videos/text2video} or {@code /image2video} to create, {@code GET}
 * on the same path plus the task id to poll, every request with a fresh-enough signed token; the finished video is
 * fetched from its result URL without our credentials. Kling cannot cancel or delete a task: {@link #cancel} does
 * nothing (the task runs to its end at Kling, and Vidgate drops its result).
 */
final class KlingClient implements ProviderClient {
    private final Transport transport;
    private final ObjectMapper json;
    private final KlingTokens tokens;
    private final KlingAnswers answers;
    private final String root;

    KlingClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        KlingKey key = KlingKey.parse(settings.apiKey());
        this.transport = transport;
        this.json = json;
        this.tokens = new KlingTokens(key, transport.clock());
        this.answers = new KlingAnswers(json, key.secrets());
        this.root = settings.baseUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        KlingRoute route = KlingRequest.route(submission);
        byte[] body = json.writeValueAsBytes(KlingRequest.body(submission, json));
        HttpRequest post = authorised(URI.create(root + route.path()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return transport.observed(() -> answers.task(transport.exchange(post), route, true));
    }

    /** Asks for a made-up task on the text-to-video route (Kling checks the token first, then answers 404 code 1203). */
    @Override
    public int probe() throws UpstreamException, InterruptedException {
        return probeAsking(KlingRoute.TEXT_TO_VIDEO.upstreamId(PROBE_ID));
    }

    @Override
    public Polled retrieve(String upstreamId) throws UpstreamException, InterruptedException {
        KlingRoute route = KlingRoute.of(upstreamId).orElseThrow(() -> new UpstreamException(Kind.NOT_FOUND,
                "This Kling channel did not make the video."));
        String taskId = KlingRoute.taskId(upstreamId);
        HttpRequest get = authorised(URI.create(root + route.path() + "/"
                + URLEncoder.encode(taskId, StandardCharsets.UTF_8).replace("+", "%20"))).GET().build();
        return transport.observed(taskId, () -> {
            Answer answer = transport.exchange(get);
            UpstreamVideo video = answers.task(answer, route, false);
            if (!video.id().equals(upstreamId)) {
                throw new UpstreamException(Kind.BROKEN, "Kling answered about a different task.", answer.status(), null, null);
            }
            return new Polled(video, null);
        });
    }

    /** Streams the result URL; it is signed by Kling's storage, so no credentials go with it. */
    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        if (finished.locator() == null) throw new UpstreamException(Kind.NOT_FOUND, "Kling gave no address for the video.");
        URI uri;
        try {
            uri = URI.create(finished.locator());
        } catch (IllegalArgumentException e) {
            throw new UpstreamException(Kind.BROKEN, "Kling gave an unusable address for the video.");
        }
        return transport.observed(KlingRoute.taskId(finished.id()),
                () -> transport.download(uri, builder -> builder, target, maxBytes, timeout, this::downloadFailure));
    }

    /** Kling cannot cancel a task; it runs to its end there. */
    @Override
    public void cancel(String upstreamId) {
        // nothing to call: Kling's API has no cancel or delete for video tasks
    }

    private UpstreamException downloadFailure(Answer answer) {
        int status = answer.status();
        if (status == 401 || status == 403 || status == 404 || status == 410) {
            return new UpstreamException(Kind.NOT_FOUND, "Kling's link to the video has expired or no longer works (HTTP "
                    + status + ").", status, null, null);
        }
        return answers.failure(answer, false);
    }

    private HttpRequest.Builder authorised(URI uri) {
        return transport.request(uri).header("Authorization", "Bearer " + tokens.current());
    }
}
