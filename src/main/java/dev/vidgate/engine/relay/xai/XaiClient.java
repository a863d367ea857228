package dev.vidgate.engine.relay.xai;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.ResultLinks;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamVideo;
import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * One channel's xAI connection. The create body is {@code {model, prompt, duration, aspect_ratio, resolution, image}}:
 * {@code duration} whole seconds, {@code resolution} {@code 480p} or {@code 720p}, the reference inline as a
 * {@code data:} URI in {@code image.url}. Grok Imagine takes no seed, negative prompt, sound switch (its sound is
 * always on) or last frame (Vercel's client drops a last frame too): given ones are not sent. The result is fetched
 * from its URL without the key (another host's; xAI's own client fetches it so). xAI has no cancel: a cancelled
 * job's request runs to its end there.
 */
final class XaiClient implements ProviderClient {
    private final ChannelSettings settings;
    private final Transport transport;
    private final ObjectMapper json;
    private final XaiAnswers answers;
    private final String base;

    XaiClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.answers = new XaiAnswers(json, settings.apiKey().reveal());
        this.base = settings.baseUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        byte[] body = json.writeValueAsBytes(body(submission));
        HttpRequest post = request(URI.create(base + "/videos/generations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return transport.observed(() -> answers.created(transport.exchange(post)));
    }

    private ObjectNode body(Submission submission) throws UpstreamException {
        var format = submission.formatOrDerived();
        ObjectNode body = json.createObjectNode().put("model", submission.upstreamModel())
                .put("prompt", submission.request().prompt()).put("duration", submission.request().seconds())
                .put("aspect_ratio", format.aspectRatio()).put("resolution", format.resolution());
        if (submission.reference() != null) body.putObject("image").put("url", dataUri(submission.reference()));
        return body;
    }

    static String dataUri(byte[] image) throws UpstreamException {
        ImageFormat format = ImageFormat.detect(image).orElseThrow(() -> new UpstreamException(Kind.REJECTED,
                "The reference image is not a JPEG, PNG or WebP image."));
        return "data:" + format.mediaType() + ";base64," + Base64.getEncoder().encodeToString(image);
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        HttpRequest get = request(URI.create(base + "/videos/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")))
                .GET().build();
        return transport.observed(id, () -> {
            Answer answer = transport.exchange(get);
            return new Polled(answers.request(answer, id), null);
        });
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        URI url = ResultLinks.url(finished.locator());
        return transport.observed(finished.id(),
                () -> transport.download(url, builder -> builder, target, maxBytes, timeout, ResultLinks::failure));
    }

    /** xAI cannot stop a video request; the job is cancelled here and the request finishes there. */
    @Override
    public void cancel(String id) {}

    private HttpRequest.Builder request(URI uri) {
        return transport.request(uri).header("Authorization", "Bearer " + settings.apiKey().reveal());
    }
}
