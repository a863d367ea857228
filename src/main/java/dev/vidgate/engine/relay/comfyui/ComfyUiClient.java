package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.MultipartForm;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import dev.vidgate.engine.relay.comfyui.Workflow.Slot;
import dev.vidgate.media.ImageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One ComfyUI server: uploads the reference ({@code POST /upload/image}), queues the filled workflow
 * ({@code POST /prompt} with this client's {@code client_id}), follows it over the websocket or, without one,
 * {@code /queue} and {@code /history/{id}}, fetches the saved files ({@code /view}, type {@code output}) and
 * converts them to the MP4 asked for. Cancel is {@code /queue} delete for a waiting prompt and {@code /interrupt}
 * for the running one. A prompt the server no longer knows (it restarted) fails the attempt as retryable.
 */
final class ComfyUiClient implements ProviderClient {
    private static final Logger log = LoggerFactory.getLogger(ComfyUiClient.class);

    private final Transport transport;
    private final ObjectMapper json;
    private final Workflow textWorkflow;
    private final Workflow imageWorkflow;
    private final int fps;
    private final String root;
    private final String authHeader;
    private final String authValue;
    private final ComfyAnswers answers;
    private final UpstreamAnswers errors;
    private final PromptSocket socket;
    private final SystemStats stats;
    /** What each prompt this client queued must become; after a restart it is read back from the history's {@code extra_data}. */
    private final Map<String, ObjectNode> targets = new ConcurrentHashMap<>();

    ComfyUiClient(ChannelSettings settings, Transport transport, ObjectMapper json, Workflow textWorkflow, Workflow imageWorkflow, int fps) {
        this.transport = transport;
        this.json = json;
        this.textWorkflow = textWorkflow;
        this.imageWorkflow = imageWorkflow;
        this.fps = fps;
        this.root = settings.baseUrl().toString().replaceAll("/+$", "");
        ApiKey key = settings.apiKey();
        String header = settings.option(ComfyUiProvider.AUTH_HEADER).orElse("Authorization");
        this.authHeader = key == null ? null : header;
        this.authValue = key == null ? null : header.equalsIgnoreCase("Authorization") ? "Bearer " + key.reveal() : key.reveal();
        String secret = key == null ? null : key.reveal();
        this.answers = new ComfyAnswers(json, secret);
        this.errors = new UpstreamAnswers(json, secret);
        this.socket = new PromptSocket(settings.name(),
                settings.option(ComfyUiProvider.WEBSOCKET_URL).orElseGet(() -> PromptSocket.addressUnder(settings.baseUrl())),
                b -> authHeader == null ? b : b.header(authHeader, authValue), settings.connectTimeout(), json);
        this.stats = new SystemStats(settings.name(), () -> get("/system_stats"), transport::exchange, json, socket::queueRemaining);
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        GenerationRequest request = submission.request();
        byte[] reference = submission.reference();
        Workflow workflow = reference != null ? imageWorkflow : textWorkflow;
        Map<Slot, Object> values = new EnumMap<>(Slot.class);
        values.put(Slot.PROMPT, request.prompt());
        values.put(Slot.NEGATIVE_PROMPT, request.options().negativePrompt());
        Long seed = request.options().seed();
        values.put(Slot.SEED, seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48));
        values.put(Slot.WIDTH, request.size().width());
        values.put(Slot.HEIGHT, request.size().height());
        values.put(Slot.FRAMES, frames(request.seconds()));
        values.put(Slot.FPS, fps);
        ObjectNode target = json.createObjectNode().put("job", request.jobId()).put("width", request.size().width())
                .put("height", request.size().height()).put("seconds", request.seconds()).put("fps", fps);
        return transport.observed(() -> {
            if (reference != null) values.put(Slot.IMAGE, upload(request.jobId() + "-first", reference));
            byte[] last = request.options().lastFrame();
            if (last != null && workflow.takes(Slot.LAST_IMAGE)) values.put(Slot.LAST_IMAGE, upload(request.jobId() + "-last", last));
            if (last != null && !workflow.takes(Slot.LAST_IMAGE)) {
                log.info("job {}: workflow {} has no {{last_image}}; the last frame is not used", request.jobId(), workflow.source());
            }
            return queue(workflow, values, target);
        });
    }

    private UpstreamVideo queue(Workflow workflow, Map<Slot, Object> values, ObjectNode target)
            throws UpstreamException, InterruptedException {
        String promptId = UUID.randomUUID().toString();
        socket.ensureOpen();
        socket.expect(promptId, workflow.samplers());
        ObjectNode body = json.createObjectNode();
        body.set("prompt", workflow.fill(values));
        body.put("client_id", socket.clientId()).put("prompt_id", promptId);
        body.putObject("extra_data").set("vidgate", target);
        Answer answer = transport.exchange(post("/prompt", body));
        if (!answer.ok()) {
            socket.forget(promptId);
            throw answer.status() == 400 ? answers.refusedPrompt(answer) : errors.failure(answer);
        }
        String id = answers.object(answer).path("prompt_id").asString("");
        if (id.isBlank()) throw new UpstreamException(Kind.BROKEN, "ComfyUI queued the workflow without saying its prompt id.");
        if (!id.equals(promptId)) { // an older server chooses the id itself
            socket.forget(promptId);
            socket.expect(id, workflow.samplers());
        }
        targets.put(id, target);
        return new UpstreamVideo(id, "queued", UpstreamPhase.QUEUED, 0, null, null, null, null, null);
    }

    /** Uploads an image into ComfyUI's input folder; answers the name {@code LoadImage} takes. */
    private String upload(String name, byte[] image) throws UpstreamException, InterruptedException {
        ImageFormat format = ImageFormat.detect(image).orElse(ImageFormat.PNG);
        MultipartForm form = new MultipartForm()
                .file("image", "vidgate-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "." + format.extension(), format.mediaType(), image)
                .text("type", "input")
                .text("overwrite", "true");
        HttpRequest upload = authenticated(transport.request(URI.create(root + "/upload/image")))
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build();
        Answer answer = transport.exchange(upload);
        if (!answer.ok()) throw errors.failure(answer);
        JsonNode uploaded = answers.object(answer);
        String stored = uploaded.path("name").asString("");
        if (stored.isBlank()) throw new UpstreamException(Kind.BROKEN, "ComfyUI did not say where it stored the uploaded image.");
        String folder = uploaded.path("subfolder").asString("");
        return folder.isBlank() ? stored : folder + "/" + stored;
    }

    /** Frames for {@code seconds} at the workflow's rate, as video models count them: 4k + 1. */
    int frames(int seconds) {
        return 4 * (int) Math.ceil(seconds * fps / 4.0) + 1;
    }

    /** {@code GET /system_stats}: a read that touches no prompt (asking about a made-up prompt would take three). */
    @Override
    public int probe() throws UpstreamException, InterruptedException {
        return transport.observed(() -> {
            Answer answer = transport.exchange(get("/system_stats"));
            if (!answer.ok()) throw errors.failure(answer);
            return answer.status();
        });
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        return transport.observed(id, () -> {
            PromptSocket.Run run = socket.run(id);
            if (run != null && !run.finished) return polled(id, run.started ? UpstreamPhase.RUNNING : UpstreamPhase.QUEUED, run.percent());
            UpstreamVideo done = history(id);
            if (done != null) return new Polled(done, null);
            ComfyAnswers.Queue queue = answers.queue(transport.exchange(get("/queue")));
            if (queue.running().contains(id)) return polled(id, UpstreamPhase.RUNNING, socket.percent(id));
            if (queue.pending().contains(id)) return polled(id, UpstreamPhase.QUEUED, 0);
            done = history(id); // it may have finished between the two questions
            if (done != null) return new Polled(done, null);
            socket.forget(id);
            return new Polled(new UpstreamVideo(id, "unknown", UpstreamPhase.FAILED, null, null, null, "upstream_lost",
                    "The ComfyUI server no longer knows the job (it restarted, or its queue was cleared).", null), null);
        });
    }

    private static Polled polled(String id, UpstreamPhase phase, Integer progress) {
        return new Polled(new UpstreamVideo(id, phase.name().toLowerCase(java.util.Locale.ROOT), phase, progress, null, null, null, null, null), null);
    }

    /** The prompt's history entry: finished, or still being written ({@code RUNNING}); {@code null} when there is none. */
    private UpstreamVideo history(String id) throws UpstreamException, InterruptedException {
        JsonNode entry = answers.object(transport.exchange(get("/history/" + encode(id)))).path(id);
        if (!entry.isObject()) return null;
        ObjectNode target = targets.get(id);
        if (target == null && entry.path("prompt").path(3).path("vidgate").isObject()) {
            target = (ObjectNode) entry.path("prompt").path(3).path("vidgate");
        }
        if (target == null) throw new UpstreamException(Kind.BROKEN, "ComfyUI's history of the job lacks the size and length it was queued with.");
        UpstreamVideo done = answers.finished(id, entry, target);
        if (done == null) return new UpstreamVideo(id, "running", UpstreamPhase.RUNNING, 95, null, null, null, null, null);
        socket.forget(id);
        return done;
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        return fetch(finished, target, maxBytes, timeout).bytes();
    }

    /** Downloads the workflow's output and conforms it to the job; answers what that changed (padded, trimmed, scaled). */
    @Override
    public Downloaded fetch(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        JsonNode locator = json.readTree(finished.locator());
        List<Path> files = new ArrayList<>();
        try {
            long budget = maxBytes;
            for (JsonNode file : locator.path("files")) {
                String ext = ComfyAnswers.extension(file.path("filename").asString("")).replaceAll("[^a-z0-9]", "");
                Path part = target.resolveSibling("comfyui-" + files.size() + (ext.isEmpty() ? "" : "." + ext));
                files.add(part);
                URI view = URI.create(root + "/view?filename=" + encode(file.path("filename").asString("")) + "&subfolder="
                        + encode(file.path("subfolder").asString("")) + "&type=output");
                long left = budget;
                budget -= transport.observed(finished.id(), () -> transport.download(view, this::authenticated, part, left, timeout, errors::failure));
            }
            Mp4Conformer.Result result = Mp4Conformer.convert(files, locator.path("fps").asDouble(fps), locator.path("width").asInt(),
                    locator.path("height").asInt(), locator.path("seconds").asInt(), target);
            log.info("job {}: ComfyUI's output ({} frames, {} s) became a {}x{} MP4 of {} s at {} fps{}", locator.path("job").asString("?"),
                    result.sourceFrames(), String.format("%.2f", result.sourceSeconds()), locator.path("width").asInt(),
                    locator.path("height").asInt(), locator.path("seconds").asInt(), Mp4Conformer.FPS,
                    result.adjustments().isEmpty() ? "" : ", adjusted " + result.adjustments());
            return new Downloaded(Files.size(target), result.adjustments());
        } catch (IOException e) {
            throw new UpstreamException(Kind.UNACCEPTABLE, "ComfyUI's output could not be made into an MP4: " + e.getMessage() + ".",
                    0, "upstream_video_invalid", null);
        } finally {
            for (Path file : files) deleteQuietly(file);
        }
    }

    @Override
    public void cancel(String id) throws UpstreamException, InterruptedException {
        transport.observed(id, () -> {
            ComfyAnswers.Queue queue = answers.queue(transport.exchange(get("/queue")));
            if (queue.pending().contains(id)) {
                errors.acknowledged(transport.exchange(post("/queue", json.createObjectNode().set("delete", json.createArrayNode().add(id)))));
            } else if (queue.running().contains(id)) {
                errors.acknowledged(transport.exchange(post("/interrupt", json.createObjectNode().put("prompt_id", id))));
            }
            return null;
        });
    }

    @Override
    public void delete(String id) throws UpstreamException, InterruptedException {
        targets.remove(id);
        transport.observed(id, () -> {
            errors.acknowledged(transport.exchange(post("/history", json.createObjectNode().set("delete", json.createArrayNode().add(id)))));
            return null;
        });
    }

    @Override
    public Map<String, Double> figures() {
        return stats.figures();
    }

    private HttpRequest get(String path) {
        return authenticated(transport.request(URI.create(root + path))).GET().build();
    }

    private HttpRequest post(String path, JsonNode body) {
        return authenticated(transport.request(URI.create(root + path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    }

    private HttpRequest.Builder authenticated(HttpRequest.Builder builder) {
        return authHeader == null ? builder : builder.header(authHeader, authValue);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("leftover download {}", file, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
