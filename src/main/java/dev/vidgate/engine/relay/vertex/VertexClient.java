package dev.vidgate.engine.relay.vertex;

import dev.vidgate.common.FileTrees;
import dev.vidgate.engine.relay.Answer;
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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Veo on Vertex AI: {@code POST …/publishers/google/models/{model}:predictLongRunning}, then
 * {@code POST …/models/{model}:fetchPredictOperation} with {@code {"operationName": name}} (not a GET). A finished
 * operation carries the video inline ({@code response.videos[].bytesBase64Encoded}), which is decoded to a scratch
 * file while it arrives ({@link InlineVideos}) and moved into place by {@link #download}; a video stored in Cloud
 * Storage ({@code gcsUri}, only when {@code storageUri} is set, which Vidgate never sends) is refused clearly.
 * Vertex has no documented way to stop a Veo operation, so {@link #cancel} does nothing.
 */
final class VertexClient implements ProviderClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern MODEL = Pattern.compile("/models/([^/]+)/operations/[^/]+$");
    /** A finished poll carries the whole video; it may take this long to arrive (the request timeout still bounds the wait for its headers). */
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);
    /** The most an inline video may decode to; the relay's own, usually smaller, limit is applied on download. */
    private static final long MAX_INLINE_BYTES = 2L << 30;

    private final Transport transport;
    private final VertexCredentials credentials;
    private final GoogleAnswers answers;
    private final String models;
    private final String key;
    /** A made-up operation of the channel's first model (Veo 3 when it maps none), for {@link #probe}. */
    private final String probeOperation;
    private volatile Path scratch;

    VertexClient(ChannelSettings settings, Transport transport, VertexCredentials credentials, String location) {
        this.transport = transport;
        this.credentials = credentials;
        this.key = settings.apiKey().reveal();
        this.answers = new GoogleAnswers(JSON, new UpstreamAnswers(JSON, key));
        String project = settings.option("project").orElseThrow();
        String model = settings.models().values().stream().sorted().findFirst().orElse("veo-3.0-generate-001");
        this.probeOperation = "projects/" + project + "/locations/" + location + "/publishers/google/models/" + model + "/operations/" + PROBE_ID;
        this.models = root(settings.baseUrl(), location) + "/v1/projects/" + project + "/locations/" + location
                + "/publishers/google/models/";
    }

    /** Google's host becomes the location's regional host (unless global); another base URL is used as configured. */
    static String root(URI base, String location) {
        if (VertexProvider.GOOGLE_HOST.equals(base.getHost()) && !"global".equals(location)) {
            return base.getScheme() + "://" + location + "-" + VertexProvider.GOOGLE_HOST;
        }
        return base.toString().replaceAll("/+$", "");
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        byte[] body = VeoRequest.body(JSON, submission, VeoRequest.Surface.VERTEX);
        URI uri = URI.create(models + encode(submission.upstreamModel()) + ":predictLongRunning");
        return transport.observed(() -> {
            HttpRequest post = authenticated(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            JsonNode operation = answers.object(transport.exchange(post));
            String name = Operations.name(operation);
            return Operations.video(name, operation, null, null, key);
        });
    }

    /**
     * Fetches a made-up operation of the channel's first Veo model ({@code fetchPredictOperation} reads, it starts nothing);
     * Google checks the token and the project first, then answers 404 (or 400 for an operation name it cannot read).
     */
    @Override
    public int probe() throws UpstreamException, InterruptedException {
        return probeAsking(probeOperation);
    }

    @Override
    public Polled retrieve(String name) throws UpstreamException, InterruptedException {
        Operations.checkName(name);
        Matcher model = MODEL.matcher(name);
        if (!model.find()) throw new UpstreamException(Kind.NOT_FOUND, "The provider's operation names no model.");
        URI uri = URI.create(models + model.group(1) + ":fetchPredictOperation");
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("operationName", name));
        return transport.observed(name, () -> {
            HttpRequest post = authenticated(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return new Polled(transport.streamed(post, FETCH_TIMEOUT, (status, headers, in) -> {
                if (status / 100 != 2) {
                    throw answers.failure(new Answer(status, headers, in.readNBytes(Transport.MAX_ANSWER_BYTES)));
                }
                return read(name, new InlineVideos(JSON, scratch(), MAX_INLINE_BYTES).read(in));
            }), null);
        });
    }

    /** The operation's state; the first inline video's scratch file is the locator, any other is deleted. */
    private UpstreamVideo read(String name, JsonNode operation) throws IOException {
        JsonNode result = operation.path("response");
        String file = null;
        boolean inCloudStorage = false;
        for (JsonNode video : result.path("videos")) {
            String inline = video.path(InlineVideos.FILE).asString(null);
            if (inline != null && file == null) {
                file = inline;
            } else if (inline != null) {
                Files.deleteIfExists(Path.of(inline));
            }
            inCloudStorage |= video.hasNonNull("gcsUri");
        }
        if (file == null && inCloudStorage && operation.path("done").asBoolean(false) && !operation.has("error")) {
            return Operations.failed(name, "upstream_result_unreadable", "The provider stored the video in Cloud Storage, "
                    + "which Vidgate does not read; remove storageUri from the project's Veo defaults.");
        }
        return Operations.video(name, operation, result, file == null ? null : "file:" + file, key);
    }

    /** Moves the decoded inline video into place (within {@code maxBytes}); the scratch file is gone afterwards. */
    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException {
        String locator = finished.locator();
        if (locator == null || !locator.startsWith("file:")) {
            throw new UpstreamException(Kind.BROKEN, "The provider's answer held no video.");
        }
        Path file = Path.of(locator.substring("file:".length()));
        try {
            if (!Files.exists(file)) throw new UpstreamException(Kind.NOT_FOUND, "The decoded video is no longer on this node.");
            long size = Files.size(file);
            if (size > maxBytes) {
                Files.deleteIfExists(file);
                throw new UpstreamException(Kind.UNACCEPTABLE, "The provider's video is larger than "
                        + maxBytes / (1024 * 1024) + " MiB.");
            }
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            return size;
        } catch (IOException e) {
            throw new UpstreamException(Kind.BROKEN, "The decoded video could not be moved into place.");
        }
    }

    /** Vertex cannot stop a Veo operation; the video is made (and billed by Google) regardless. */
    @Override
    public void cancel(String name) {}

    @Override
    public void close() {
        Path dir = scratch;
        if (dir == null) return;
        try {
            FileTrees.deleteTree(dir);
        } catch (IOException ignored) {
            // the system's temporary folder is cleaned eventually
        }
    }

    private Path scratch() throws IOException {
        Path dir = scratch;
        if (dir != null) return dir;
        synchronized (this) {
            if (scratch == null) scratch = Files.createTempDirectory("vidgate-vertex-");
            return scratch;
        }
    }

    private HttpRequest.Builder authenticated(URI uri) throws UpstreamException, InterruptedException {
        return transport.request(uri).header("Authorization", credentials.authorization(transport));
    }

    private static String encode(String model) {
        return URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
