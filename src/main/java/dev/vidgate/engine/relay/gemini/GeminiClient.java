package dev.vidgate.engine.relay.gemini;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamVideo;
import dev.vidgate.engine.relay.google.GoogleAnswers;
import dev.vidgate.engine.relay.google.Operations;
import dev.vidgate.engine.relay.google.VeoRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Veo on the Gemini API: {@code POST {base}/v1beta/models/{model}:predictLongRunning}, then the operation at
 * {@code GET {base}/v1beta/{name}}, then the Files-API URI of the first sample, which needs the key too (sent only
 * to the base URL's own origin). The Gemini API has no way to stop a Veo operation, so {@link #cancel} does nothing.
 */
final class GeminiClient implements ProviderClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ChannelSettings settings;
    private final Transport transport;
    private final GoogleAnswers answers;
    private final String root;
    private final String key;

    GeminiClient(ChannelSettings settings, Transport transport) {
        this.settings = settings;
        this.transport = transport;
        this.key = settings.apiKey() == null ? null : settings.apiKey().reveal();
        this.answers = new GoogleAnswers(JSON, new UpstreamAnswers(JSON, key));
        this.root = settings.baseUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        URI uri = URI.create(root + "/v1beta/models/" + encode(submission.upstreamModel()) + ":predictLongRunning");
        HttpRequest post = authenticated(transport.request(uri))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(VeoRequest.body(JSON, submission, VeoRequest.Surface.GEMINI)))
                .build();
        return transport.observed(() -> {
            JsonNode operation = answers.object(transport.exchange(post));
            return read(Operations.name(operation), operation);
        });
    }

    /**
     * Reads a made-up operation of the channel's first model ({@code GET /v1beta/models/{model}/operations/{id}}, the route
     * polls use, so Google checks the key, then answers 404): a bare made-up name would be a path Google may refuse as
     * unknown before it looks at the key.
     */
    @Override
    public int probe() throws UpstreamException, InterruptedException {
        String model = settings.models().values().stream().sorted().findFirst().orElse("veo-3.0-generate-001");
        return probeAsking("models/" + model + "/operations/" + PROBE_ID);
    }

    @Override
    public Polled retrieve(String name) throws UpstreamException, InterruptedException {
        Operations.checkName(name);
        HttpRequest get = authenticated(transport.request(URI.create(root + "/v1beta/" + name))).GET().build();
        return transport.observed(name, () -> new Polled(read(name, answers.object(transport.exchange(get))), null));
    }

    /** The operation's state; the first sample's URI ({@code generatedSamples}, or {@code generatedVideos}) is the locator. */
    private UpstreamVideo read(String name, JsonNode operation) {
        JsonNode result = operation.path("response").path("generateVideoResponse");
        String uri = null;
        for (String list : new String[] {"generatedSamples", "generatedVideos"}) {
            JsonNode first = result.path(list).path(0).path("video");
            if (first.path("uri").isString()) {
                uri = first.path("uri").asString();
                break;
            }
        }
        return Operations.video(name, operation, result, uri, key);
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(finished.locator()));
        } catch (RuntimeException e) {
            throw new UpstreamException(Kind.BROKEN, "The provider named no usable address for the video.");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new UpstreamException(Kind.BROKEN, "The provider named no usable address for the video.");
        }
        URI base = settings.baseUrl();
        boolean ours = Objects.equals(uri.getScheme(), base.getScheme()) && Objects.equals(uri.getHost(), base.getHost())
                && uri.getPort() == base.getPort();
        return transport.observed(finished.id(), () -> transport.download(uri,
                builder -> ours ? authenticated(builder) : builder, target, maxBytes, timeout, answers::failure));
    }

    /** The Gemini API cannot stop a Veo operation; the video is made (and billed by Google) regardless. */
    @Override
    public void cancel(String name) {}

    private HttpRequest.Builder authenticated(HttpRequest.Builder builder) {
        return key == null ? builder : builder.header("x-goog-api-key", key);
    }

    private static String encode(String model) {
        return URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
