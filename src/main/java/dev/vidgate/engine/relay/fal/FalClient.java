package dev.vidgate.engine.relay.fal;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One channel's fal queue: {@code POST {base}/{model path}} queues a request (with {@code ?fal_webhook=} when this
 * gateway has a callback address), {@code GET {base}/{app}/requests/{id}/status} follows it, and once it is
 * {@code COMPLETED}, {@code GET {base}/{app}/requests/{id}} answers its result; {@code PUT .../cancel} cancels one still
 * queued. All with {@code Authorization: Key <key>}. The video is fetched from its file URL (fal's CDN, another origin)
 * without the key. The addresses are built from the id rather than taken from the answers, so nothing of fal's but
 * the id is kept, and the key only ever goes to the channel's own base.
 */
final class FalClient implements ProviderClient {
    private static final Logger log = LoggerFactory.getLogger(FalClient.class);

    private final ChannelSettings settings;
    private final Transport transport;
    private final ObjectMapper json;
    private final FalAnswers answers;
    private final String base;
    private final String imageModel;

    FalClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.answers = new FalAnswers(json, settings.apiKey().reveal());
        this.base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.imageModel = settings.option(FalProvider.IMAGE_MODEL).orElse(null);
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        String model = FalRequests.modelPath(submission, imageModel);
        if (!FalPath.valid(model)) {
            throw new UpstreamException(Kind.REJECTED, "This channel maps the model onto something that is not a fal model path.");
        }
        byte[] body = json.writeValueAsBytes(FalRequests.body(json, submission));
        String webhook = submission.callbackUrl() == null ? ""
                : "?fal_webhook=" + URLEncoder.encode(submission.callbackUrl(), StandardCharsets.UTF_8);
        HttpRequest post = request(URI.create(base + "/" + model + webhook)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return transport.observed(() -> answers.submitted(transport.exchange(post), model));
    }

    /**
     * Asks for the status of a made-up request under the app of the channel's first fal model (fal checks the key, then
     * answers 404 "Request not found"); a channel that maps no fal model has nothing to ask under.
     */
    @Override
    public int probe() throws UpstreamException, InterruptedException {
        String model = settings.models().values().stream().filter(FalPath::valid).sorted().findFirst().orElse(imageModel);
        if (!FalPath.valid(model)) throw new UpstreamException(Kind.REJECTED, "This channel maps no fal model path to test with.");
        return probeAsking(FalPath.of(model, PROBE_ID).id());
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        FalPath request = parse(id);
        HttpRequest status = request(URI.create(base + "/" + request.requestPath() + "/status")).GET().build();
        return transport.observed(id, () -> {
            UpstreamVideo video = answers.status(transport.exchange(status), request);
            if (video.phase() == UpstreamPhase.SUCCEEDED) {
                HttpRequest result = request(URI.create(base + "/" + request.requestPath())).GET().build();
                video = answers.result(transport.exchange(result), request);
            }
            return new Polled(video, null);
        });
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        URI url = fileUrl(finished.locator());
        return transport.observed(finished.id(),
                () -> transport.download(url, builder -> builder, target, maxBytes, timeout, FalAnswers::fileFailure));
    }

    /** Cancels a queued request; one fal already finished is left as it is. */
    @Override
    public void cancel(String id) throws UpstreamException, InterruptedException {
        FalPath request = parse(id);
        HttpRequest put = request(URI.create(base + "/" + request.requestPath() + "/cancel"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        transport.observed(id, () -> {
            Answer answer = transport.exchange(put);
            if (answer.status() == 400 && answer.bodyText().contains("ALREADY_COMPLETED")) {
                log.info("channel {}: the provider had already finished the request; nothing to cancel", settings.name());
            } else if (!answer.ok()) {
                throw answers.failure(answer);
            }
            return null;
        });
    }

    private HttpRequest.Builder request(URI uri) {
        return transport.request(uri).header("Authorization", "Key " + settings.apiKey().reveal());
    }

    private static FalPath parse(String id) throws UpstreamException {
        FalPath request = FalPath.parse(id);
        if (request == null) throw new UpstreamException(Kind.NOT_FOUND, "The provider has no such request.");
        return request;
    }

    private static URI fileUrl(String locator) throws UpstreamException {
        try {
            URI url = locator == null ? null : new URI(locator);
            if (url != null && url.getHost() != null && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) return url;
        } catch (URISyntaxException e) {
            // described below
        }
        throw new UpstreamException(Kind.BROKEN, "The provider's result file is not a usable web address.");
    }
}
