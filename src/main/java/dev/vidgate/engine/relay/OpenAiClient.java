package dev.vidgate.engine.relay;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.video.Variant;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Speaks one channel's OpenAI-shaped {@link Flavour} of the Videos API: {@code POST /videos},
 * {@code GET /videos/{id}}, {@code GET /videos/{id}/content}, cancel, delete, list and remix under the
 * channel's base URL, with the flavour's authentication and encoding.
 */
final class OpenAiClient implements ProviderClient {
    private final ChannelSettings settings;
    private final Flavour flavour;
    private final Transport transport;
    private final ObjectMapper json;
    private final UpstreamAnswers answers;
    private final String root;

    OpenAiClient(ChannelSettings settings, Flavour flavour, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.flavour = flavour;
        this.transport = transport;
        this.json = json;
        this.answers = new UpstreamAnswers(json, settings.apiKey() == null ? null : settings.apiKey().reveal());
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        String prefix = flavour.pathPrefix();
        this.root = base.endsWith(prefix) ? base : base + prefix;
    }

    UpstreamAnswers answers() { return answers; }

    /** Creates a job; the reference (may be null) is sent as the {@code input_reference} file. */
    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        GenerationRequest request = submission.request();
        byte[] reference = submission.reference();
        HttpRequest.Builder builder = request(uri("/videos", null));
        if (reference != null || flavour.multipartOnly()) {
            MultipartForm form = new MultipartForm()
                    .text("model", submission.upstreamModel())
                    .text("prompt", request.prompt())
                    .text("size", request.size().toString())
                    .text("seconds", Integer.toString(request.seconds()));
            if (reference != null) {
                // the API accepted only what the one sniffer recognises; anything else is labelled honestly
                Optional<ImageFormat> format = ImageFormat.detect(reference);
                form.file("input_reference", "reference." + format.map(ImageFormat::extension).orElse("bin"),
                        format.map(ImageFormat::mediaType).orElse("application/octet-stream"), reference);
            }
            builder.header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        } else {
            ObjectNode body = json.createObjectNode()
                    .put("model", submission.upstreamModel())
                    .put("prompt", request.prompt())
                    .put("size", request.size().toString());
            switch (flavour.seconds()) {
                case STRING -> body.put("seconds", Integer.toString(request.seconds()));
                case INTEGER -> body.put("seconds", request.seconds());
                case NUMBER -> body.put("seconds", (double) request.seconds());
            }
            builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        if (submission.idempotencyKey() != null) builder.header("Idempotency-Key", submission.idempotencyKey());
        return transport.observed(() -> answers.video(transport.exchange(builder.build())));
    }

    @Override
    public boolean remixes() { return flavour.remixes(); }

    @Override
    public UpstreamVideo remix(String sourceId, String prompt, String idempotencyKey) throws UpstreamException, InterruptedException {
        byte[] body = json.writeValueAsBytes(json.createObjectNode().put("prompt", prompt));
        HttpRequest.Builder builder = request(uri("/videos/" + encode(sourceId) + "/remix", null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) builder.header("Idempotency-Key", idempotencyKey);
        return transport.observed(sourceId, () -> answers.video(transport.exchange(builder.build())));
    }

    /** {@code POST /videos/edits}: the prompt and the footage as the {@code video} file, as the official SDKs send it. */
    @Override
    public UpstreamVideo edit(Submission submission) throws UpstreamException, InterruptedException {
        if (flavour != Flavour.OPENAI) return ProviderClient.super.edit(submission);
        return footageJob("/videos/edits", submission, null);
    }

    /** {@code POST /videos/extensions}: the prompt, the added seconds and the footage as the {@code video} file. */
    @Override
    public UpstreamVideo extend(Submission submission) throws UpstreamException, InterruptedException {
        if (flavour != Flavour.OPENAI) return ProviderClient.super.extend(submission);
        GenerationRequest request = submission.request();
        return footageJob("/videos/extensions", submission, Integer.toString(request.seconds() - request.footage().seconds()));
    }

    private UpstreamVideo footageJob(String path, Submission submission, String addedSeconds) throws UpstreamException, InterruptedException {
        GenerationRequest request = submission.request();
        byte[] video;
        try (var in = request.footage().video().open()) {
            video = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new UpstreamException(Kind.UNREACHABLE, "The footage to send could not be read from storage.");
        }
        MultipartForm form = new MultipartForm().text("prompt", request.prompt());
        if (addedSeconds != null) form.text("seconds", addedSeconds);
        form.file("video", "source.mp4", "video/mp4", video);
        HttpRequest.Builder builder = request(uri(path, null))
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        if (submission.idempotencyKey() != null) builder.header("Idempotency-Key", submission.idempotencyKey());
        return transport.observed(() -> answers.video(transport.exchange(builder.build())));
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        HttpRequest get = request(uri("/videos/" + encode(id), null)).GET().build();
        return transport.observed(id, () -> {
            Answer answer = transport.exchange(get);
            UpstreamVideo video = answers.video(answer);
            if (!video.id().equals(id)) {
                throw new UpstreamException(Kind.BROKEN, "The provider answered about a different video.", answer.status(), null, null);
            }
            return new Polled(video, answer.pollAfter());
        });
    }

    /** The upstream's most recent jobs (first page of its list). */
    @Override
    public List<UpstreamVideo> list() throws UpstreamException, InterruptedException {
        HttpRequest get = request(uri("/videos", "limit=100")).GET().build();
        return transport.observed(() -> answers.list(transport.exchange(get)));
    }

    /**
     * {@code GET /models}, which every OpenAI-shaped server has (OpenAI, Azure v1, vLLM, SGLang, trtllm-serve, Vidgate):
     * a read behind the key that touches no job. A server without it (404) is asked for a made-up video instead.
     */
    @Override
    public int probe() throws UpstreamException, InterruptedException {
        HttpRequest get = request(uri("/models", null)).GET().build();
        try {
            return transport.observed(() -> {
                Answer answer = transport.exchange(get);
                if (!answer.ok()) throw answers.failure(answer);
                return answer.status();
            });
        } catch (UpstreamException e) {
            if (e.kind() != Kind.NOT_FOUND) throw e;
            return ProviderClient.super.probe();
        }
    }

    /** Stops a job: the cancel route where the flavour has one (a {@code DELETE} where it has not, or 404s). */
    @Override
    public void cancel(String id) throws UpstreamException, InterruptedException {
        if (flavour.hasCancelRoute()) {
            try {
                HttpRequest post = request(uri("/videos/" + encode(id) + "/cancel", null))
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                transport.observed(id, () -> {
                    answers.acknowledged(transport.exchange(post));
                    return null;
                });
                return;
            } catch (UpstreamException e) {
                if (e.kind() != Kind.NOT_FOUND && e.kind() != Kind.REJECTED) throw e;
                // no such route (a plain OpenAI upstream), or the job is already finished there: delete it instead
            }
        }
        delete(id);
    }

    @Override
    public void delete(String id) throws UpstreamException, InterruptedException {
        HttpRequest delete = request(uri("/videos/" + encode(id), null)).DELETE().build();
        transport.observed(id, () -> {
            answers.acknowledged(transport.exchange(delete));
            return null;
        });
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        return fetch(finished.id(), Variant.VIDEO, target, maxBytes, timeout);
    }

    @Override
    public boolean servesVariants() { return flavour.servesVariants(); }

    @Override
    public long downloadVariant(String id, Variant variant, Path target, long maxBytes, Duration timeout)
            throws UpstreamException, InterruptedException {
        return fetch(id, variant, target, maxBytes, timeout);
    }

    private long fetch(String id, Variant variant, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        URI uri = uri("/videos/" + encode(id) + "/content", variant == Variant.VIDEO ? null : "variant=" + variant.wireName());
        return transport.observed(id, () -> transport.download(uri, this::authenticated, target, maxBytes, timeout, answers::failure));
    }

    private HttpRequest.Builder request(URI uri) {
        return authenticated(transport.request(uri));
    }

    private HttpRequest.Builder authenticated(HttpRequest.Builder builder) {
        ApiKey key = settings.apiKey();
        if (key != null) {
            if (flavour.bearerAuth()) {
                builder.header("Authorization", "Bearer " + key.reveal());
            } else {
                builder.header("api-key", key.reveal());
            }
        }
        return builder;
    }

    private URI uri(String path, String query) {
        String q = query;
        if (settings.apiVersion() != null) {
            String version = "api-version=" + URLEncoder.encode(settings.apiVersion(), StandardCharsets.UTF_8);
            q = q == null ? version : q + "&" + version;
        }
        return URI.create(root + path + (q == null ? "" : "?" + q));
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
