package dev.vidgate.engine.relay.xai;

import com.sun.net.httpserver.HttpExchange;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.testsupport.FakeFileHost;
import dev.vidgate.testsupport.ProviderFake;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * xAI's video API over real HTTP on 127.0.0.1 ({@code /v1/videos/generations}, {@code /v1/videos/{request_id}}), as
 * Vercel's xAI client and xAI's documentation show it: Bearer key (a wrong one gets xAI's 400 "Incorrect API key
 * provided", a missing one 401), the create body checked as xAI checks it ({@code model} it serves, {@code prompt},
 * integer {@code duration} 1..15, {@code aspect_ratio}, {@code resolution} 480p / 720p, {@code image.url} a data URI
 * or URL) with errors in xAI's {@code {"code", "error"}} shape, answering {@code {"request_id"}}; requests walking
 * {@code pending -> done} (or a {@link #script}) with a result URL on a keyless file host ({@link #files}), the length and the cost. A
 * prompt containing "forbidden" is done with {@code respect_moderation: false}, as xAI flags a moderated video.
 */
final class FakeXai extends ProviderFake {
    static final String KEY = "xai-0123456789abcdefFAKEKEY";
    static final String CREATE = "CREATE";
    static final String RETRIEVE = "RETRIEVE";
    static final String MODEL = "grok-imagine-video";
    private static final Set<String> RATIOS = Set.of("16:9", "4:3", "1:1", "9:16", "3:4", "3:2", "2:3");
    private static final Pattern DATA_URI = Pattern.compile("data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+");

    final FakeFileHost files = new FakeFileHost("xai-vidgen-bucket", "");
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** The request ids handed out so far. */
    Set<String> ids() {
        return jobs.keySet();
    }

    /** The status of a request's 1st, 2nd, ... poll; the last repeats. */
    volatile List<String> script = List.of("pending", "pending", "done");
    volatile String acceptedKey = KEY;
    /** Whether a done request comes without its video URL. */
    volatile boolean withoutUrl;

    record Job(String id, JsonNode request, int[] polls) {}

    String baseUrl() {
        return origin() + "/v1";
    }

    ChannelSettings channel(String name) {
        return ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(KEY), new XaiProvider())
                .withModels(Map.of("sora-2", MODEL)).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** xAI's error body. */
    static Canned error(int status, String code, String message) {
        return Canned.json(status, "{\"code\":\"" + code + "\",\"error\":\"" + message + "\"}");
    }

    @Override
    protected String route(HttpExchange ex) {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/v1/videos/generations") && ex.getRequestMethod().equals("POST")) return CREATE;
        if (path.startsWith("/v1/videos/") && ex.getRequestMethod().equals("GET")) return RETRIEVE;
        return null;
    }

    @Override
    protected Canned notFound(HttpExchange ex) {
        return error(404, "Some requested entity was not found", "No handler found for " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
    }

    @Override
    protected Canned answer(String route, HttpExchange ex, JsonNode body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) return error(401, "Unauthenticated", "No API key provided. Pass it as a Bearer token.");
        if (!auth.equals("Bearer " + acceptedKey)) {
            return error(400, "Client specified an invalid argument", "Incorrect API key provided: xa***EY. You can obtain an API key from https://console.x.ai.");
        }
        if (route.equals(CREATE)) return create(body);
        Job job = jobs.get(ex.getRequestURI().getPath().substring("/v1/videos/".length()));
        if (job == null) return error(404, "Some requested entity was not found", "Video request not found.");
        job.polls()[0]++;
        return Canned.json(200, json.writeValueAsString(shape(job)));
    }

    private Canned create(JsonNode body) {
        String refusal = refusal(body);
        if (refusal != null) return error(400, "Client specified an invalid argument", refusal);
        if (!MODEL.equals(body.path("model").asString())) {
            return error(404, "Some requested entity was not found", "The model " + body.path("model").asString()
                    + " does not exist or your team does not have access to it.");
        }
        String id = UUID.randomUUID().toString();
        jobs.put(id, new Job(id, body, new int[1]));
        return Canned.json(200, "{\"request_id\":\"" + id + "\"}");
    }

    private static String refusal(JsonNode body) {
        if (body == null || !body.isObject()) return "Failed to deserialize the JSON body into the target type";
        if (!body.path("prompt").isString() || body.path("prompt").asString().isBlank()) return "prompt: must not be empty";
        JsonNode duration = body.get("duration");
        if (duration != null && (!duration.isIntegralNumber() || duration.asInt() < 1 || duration.asInt() > 15)) {
            return "duration: must be an integer between 1 and 15";
        }
        if (body.has("aspect_ratio") && !RATIOS.contains(body.path("aspect_ratio").asString())) return "aspect_ratio: unsupported value";
        if (body.has("resolution") && !Set.of("480p", "720p").contains(body.path("resolution").asString())) {
            return "resolution: must be one of 480p, 720p";
        }
        if (body.has("image")) {
            String url = body.path("image").path("url").asString("");
            if (!DATA_URI.matcher(url).matches() && !url.startsWith("https://")) return "image.url: must be a URL or a base64 data URI";
        }
        return null;
    }

    String statusOf(Job job) {
        List<String> steps = script;
        return steps.get(Math.min(Math.max(0, job.polls()[0] - 1), steps.size() - 1));
    }

    private ObjectNode shape(Job job) {
        String status = statusOf(job);
        ObjectNode node = json.createObjectNode().put("status", status).put("model", MODEL);
        if (status.equals("pending")) node.put("progress", Math.min(90, job.polls()[0] * 30));
        if (status.equals("done")) {
            ObjectNode video = node.putObject("video");
            if (!withoutUrl) video.put("url", files.url(job.id()));
            int seconds = job.request().path("duration").asInt(8);
            video.put("duration", seconds).put("respect_moderation", !job.request().path("prompt").asString().contains("forbidden"));
            node.putObject("usage").put("cost_in_usd_ticks", seconds * 500_000_000L);
            node.put("progress", 100);
        }
        if (status.equals("failed")) node.putObject("error").put("code", "internal_error").put("message", "Video generation failed for request " + job.id() + ".");
        return node;
    }

    @Override
    public void close() {
        super.close();
        files.close();
    }
}
