package dev.vidgate.engine.relay.luma;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.AdapterCalls;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One channel's connection to Luma. The create is the SDK's {@code generations.create}, which posts to
 * {@code /generations/video} (the older {@code /generations} route takes the same body): {@code prompt},
 * {@code model}, {@code aspect_ratio}, {@code resolution}, {@code duration} as {@code "5s"}, keyframes as image URLs
 * that this gateway publishes, and {@code callback_url} when the gateway has a public address. Luma has no seed,
 * negative prompt or audio switch; those options are not sent.
 */
final class LumaClient implements ProviderClient {
    private final ChannelSettings settings;
    private final Transport transport;
    private final ObjectMapper json;
    private final LumaGenerations generations;
    private final String root;

    LumaClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.generations = new LumaGenerations(json, settings.apiKey() == null ? null : settings.apiKey().reveal());
        this.root = settings.baseUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        byte[] body = json.writeValueAsBytes(body(submission));
        HttpRequest post = request("/generations/video").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return transport.observed(() -> generations.generation(transport.exchange(post), null));
    }

    private ObjectNode body(Submission submission) throws UpstreamException {
        GenerationRequest request = submission.request();
        var format = submission.formatOrDerived();
        ObjectNode body = json.createObjectNode()
                .put("prompt", request.prompt())
                .put("model", submission.upstreamModel())
                .put("aspect_ratio", format.aspectRatio())
                .put("resolution", format.resolution())
                .put("duration", request.seconds() + "s");
        byte[] first = submission.reference();
        byte[] last = request.options().lastFrame();
        if (first != null || last != null) {
            ObjectNode keyframes = body.putObject("keyframes");
            if (first != null) keyframes.putObject("frame0").put("type", "image").put("url", publish(submission, "frame0", first));
            if (last != null) keyframes.putObject("frame1").put("type", "image").put("url", publish(submission, "frame1", last));
        }
        if (submission.callbackUrl() != null) body.put("callback_url", submission.callbackUrl());
        return body;
    }

    private static String publish(Submission submission, String name, byte[] image) throws UpstreamException {
        return submission.links().publish(submission.request().jobId(), name, image);
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        HttpRequest get = request("/generations/" + AdapterCalls.segment(id)).GET().build();
        return transport.observed(id, () -> new Polled(generations.generation(transport.exchange(get), id), null));
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        return AdapterCalls.signedDownload(transport, finished, target, maxBytes, timeout);
    }

    /**
     * Luma documents no cancel; deleting the generation is the nearest it offers (unsure whether a generation that is
     * still dreaming stops or only disappears).
     */
    @Override
    public void cancel(String id) throws UpstreamException, InterruptedException {
        delete(id);
    }

    @Override
    public void delete(String id) throws UpstreamException, InterruptedException {
        HttpRequest delete = request("/generations/" + AdapterCalls.segment(id)).DELETE().build();
        AdapterCalls.acknowledged(transport, id, delete, generations::failure);
    }

    private HttpRequest.Builder request(String path) {
        return AdapterCalls.bearer(transport.request(URI.create(root + path)), settings.apiKey());
    }
}
