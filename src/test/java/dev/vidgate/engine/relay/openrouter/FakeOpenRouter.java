package dev.vidgate.engine.relay.openrouter;

import com.sun.net.httpserver.HttpExchange;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.testsupport.FakeFileHost;
import dev.vidgate.testsupport.ProviderFake;
import dev.vidgate.testsupport.media.TestClips;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * OpenRouter's video API over real HTTP on 127.0.0.1 ({@code /api/v1/videos}), as its API reference and SDK types show
 * it: Bearer key (a wrong one gets {@code 401}), the submit body checked per model ({@code model} it sells,
 * {@code prompt}, integer {@code duration}, {@code resolution}, {@code aspect_ratio}, {@code frame_images} items of
 * {@code type image_url} with a {@code frame_type}), errors as {@code {"error":{"code","message","metadata"}}}, a prompt
 * containing "forbidden" flagged by moderation (403 with {@code metadata.reasons}); jobs walking
 * {@code pending -> in_progress -> completed} (or a {@link #script}) with {@code unsigned_urls} (the content route,
 * which needs the key), signed {@code urls} on a file host ({@link #storage}: another origin, no key) and {@code usage.cost}.
 */
final class FakeOpenRouter extends ProviderFake {
    static final String KEY = "sk-or-v1-0123456789abcdef0123456789abcdef";
    static final String CREATE = "CREATE";
    static final String RETRIEVE = "RETRIEVE";
    static final String CONTENT = "CONTENT";
    static final String VEO = "google/veo-3.1";
    private static final String PREFIX = "/api/v1/videos";
    private static final Pattern DATA_URI = Pattern.compile("data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+");

    /** What the fake's models accept: durations, resolutions, ratios, frame types. */
    record Model(Set<Integer> durations, Set<String> resolutions, Set<String> ratios, Set<String> frames) {}

    static final Map<String, Model> MODELS = Map.of(
            VEO, new Model(Set.of(4, 6, 8), Set.of("720p", "1080p"), Set.of("16:9", "9:16"), Set.of("first_frame", "last_frame")),
            "alibaba/wan-2.6", new Model(Set.of(5, 10), Set.of("720p", "1080p"), Set.of("16:9", "9:16", "1:1"), Set.of("first_frame")));

    record Job(String id, JsonNode request, AtomicInteger polls) {}

    final FakeFileHost storage = new FakeFileHost("openrouter-videos", "X-Goog-Expires=3600&X-Goog-Signature=5f0c7e1d2a");
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** The job ids handed out so far. */
    Set<String> ids() {
        return jobs.keySet();
    }
    volatile List<String> script = List.of("pending", "in_progress", "completed");
    volatile String acceptedKey = KEY;
    /** The {@code error} of a job that fails. */
    volatile String failure = "The provider failed to generate the video.";
    /** Whether completed jobs list only the signed {@code urls}, or no URL at all. */
    volatile boolean signedOnly;
    volatile boolean withoutUrls;
    /** Faults of the content route: gone (404), cut short. */
    volatile boolean contentGone;
    volatile boolean contentTruncated;
    volatile byte[] video = TestClips.mp4(320, 180, 1);

    String baseUrl() {
        return origin() + "/api/v1";
    }

    ChannelSettings channel(String name, String upstreamModel) {
        return ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(KEY), new OpenRouterProvider())
                .withModels(Map.of("sora-2", upstreamModel)).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** OpenRouter's error body. */
    static Canned error(int status, String message) {
        return Canned.json(status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\"}}");
    }

    @Override
    protected String route(HttpExchange ex) {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals(PREFIX) && method.equals("POST")) return CREATE;
        if (path.startsWith(PREFIX + "/") && method.equals("GET")) return path.endsWith("/content") ? CONTENT : RETRIEVE;
        return null;
    }

    @Override
    protected Canned notFound(HttpExchange ex) {
        return error(404, "Not Found");
    }

    @Override
    protected Canned answer(String route, HttpExchange ex, JsonNode body) throws IOException {
        if (!("Bearer " + acceptedKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) return error(401, "User not found.");
        if (route.equals(CREATE)) return create(body);
        String rest = ex.getRequestURI().getPath().substring(PREFIX.length() + 1);
        Job job = jobs.get(route.equals(CONTENT) ? rest.substring(0, rest.length() - "/content".length()) : rest);
        if (job == null) return error(404, "Video generation not found");
        if (route.equals(RETRIEVE)) {
            job.polls().incrementAndGet();
            return Canned.json(200, json.writeValueAsString(shape(job)));
        }
        if (contentGone || !statusOf(job).equals("completed")) return error(404, "Video content not found or expired");
        video(ex, video, contentTruncated);
        return null;
    }

    private Canned create(JsonNode body) {
        String refusal = refusal(body);
        if (refusal != null) return error(400, refusal);
        if (body.path("prompt").asString().contains("forbidden")) {
            return Canned.json(403, "{\"error\":{\"code\":403,\"message\":\"Input was flagged by moderation\",\"metadata\":{\"reasons\":"
                    + "[\"violence\"],\"flagged_input\":\"" + body.path("prompt").asString() + "\",\"provider_name\":\"Google\",\"model_slug\":\""
                    + body.path("model").asString() + "\"}}}");
        }
        String id = "vgen-" + String.format("%08d", ids.incrementAndGet()) + "-fake";
        jobs.put(id, new Job(id, body, new AtomicInteger()));
        return Canned.json(200, "{\"id\":\"" + id + "\",\"polling_url\":\"/api/v1/videos/" + id + "\",\"status\":\"pending\"}");
    }

    private static String refusal(JsonNode body) {
        if (body == null || !body.isObject()) return "Invalid JSON body";
        Model model = MODELS.get(body.path("model").asString());
        if (model == null) return "Model " + body.path("model").asString() + " does not exist or does not support video generation";
        if (!body.path("prompt").isString() || body.path("prompt").asString().isBlank()) return "prompt: Required";
        if (body.has("duration") && (!body.get("duration").isIntegralNumber() || !model.durations().contains(body.get("duration").asInt()))) {
            return "duration: must be one of " + model.durations() + " for this model";
        }
        if (body.has("resolution") && !model.resolutions().contains(body.path("resolution").asString())) return "resolution: not supported";
        if (body.has("aspect_ratio") && !model.ratios().contains(body.path("aspect_ratio").asString())) return "aspect_ratio: not supported";
        for (JsonNode frame : body.path("frame_images")) {
            if (!"image_url".equals(frame.path("type").asString()) || !model.frames().contains(frame.path("frame_type").asString())) {
                return "frame_images: invalid frame";
            }
            String url = frame.path("image_url").path("url").asString("");
            if (!DATA_URI.matcher(url).matches() && !url.startsWith("https://")) return "frame_images.image_url.url: invalid URL";
        }
        if (body.has("callback_url") && !body.path("callback_url").asString("").matches("https?://.+")) return "callback_url: Invalid url";
        return null;
    }

    String statusOf(Job job) {
        List<String> steps = script;
        return steps.get(Math.min(Math.max(0, job.polls().get() - 1), steps.size() - 1));
    }

    private ObjectNode shape(Job job) {
        String status = statusOf(job);
        ObjectNode node = json.createObjectNode().put("id", job.id()).put("polling_url", "/api/v1/videos/" + job.id()).put("status", status);
        if (status.equals("completed")) {
            node.put("generation_id", "gen-" + job.id());
            if (!withoutUrls) {
                if (!signedOnly) node.putArray("unsigned_urls").add(baseUrl() + "/videos/" + job.id() + "/content?index=0");
                node.putArray("urls").add(storage.url(job.id()));
            }
            node.putObject("usage").put("cost", 0.4 * job.request().path("duration").asInt(8)).put("is_byok", false);
        }
        if (status.equals("failed")) node.put("error", failure);
        return node;
    }

    @Override
    public void close() {
        super.close();
        storage.close();
    }
}
