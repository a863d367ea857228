package dev.vidgate.engine.relay.google;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.testsupport.media.TestClips;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Veo's stand-in over real HTTP on 127.0.0.1, in both of Google's dialects. {@code GEMINI}: the Gemini API's
 * {@code predictLongRunning} and operation GET with {@code x-goog-api-key} (a wrong key is Google's HTTP 400
 * {@code API_KEY_INVALID}, a missing one 403), samples as Files-API URIs whose download needs the key. {@code VERTEX}:
 * Vertex AI's {@code predictLongRunning} and {@code POST :fetchPredictOperation} with an OAuth bearer token (401
 * {@code UNAUTHENTICATED} otherwise), videos inline as base64, and an OAuth token endpoint that checks a service
 * account's RS256 assertion against the public key a test gives it. Both check the body the way Veo does (one
 * instance with a prompt, inline images as base64 with a mime type, 16:9/9:16, 720p/1080p/4k, a whole number of
 * 4, 6 or 8 seconds; on the Gemini API no {@code seed} or {@code generateAudio}) and answer google.rpc.Status errors.
 * A prompt with "forbidden" ends filtered by RAI (done without samples). Faults are set per route.
 */
public final class FakeVeo implements AutoCloseable {
    public static final String KEY = "AIzaSyFAKE-gemini-key-0123456789abcdef";
    public static final String TOKEN = "ya29.fake-vertex-token-0123456789abcdef";
    public static final String PROJECT = "vidgate-test";
    public static final String LOCATION = "us-central1";
    public static final String ACCOUNT = "veo@vidgate-test.iam.gserviceaccount.com";

    public enum Dialect { GEMINI, VERTEX }

    public enum Fault {
        NONE, BAD_REQUEST, RATE_LIMITED, DAILY_QUOTA, SERVER_ERROR, HTML, OPERATION_ERROR, NEVER_ENDS, EXPIRED, TRUNCATED, IN_CLOUD_STORAGE
    }

    /** One request as the fake saw it. */
    public record Seen(String method, String path, Map<String, List<String>> headers, JsonNode json) {}

    private static final Pattern GEMINI_CREATE = Pattern.compile("/v1beta/models/([^/:]+):predictLongRunning");
    private static final Pattern GEMINI_POLL = Pattern.compile("/v1beta/(models/[^/]+/operations/[^/]+)");
    private static final Pattern GEMINI_FILE = Pattern.compile("/v1beta/files/([^/:]+):download");
    private static final Pattern VERTEX_CALL = Pattern.compile("/v1/projects/([^/]+)/locations/([^/]+)/publishers/google/models/([^/:]+):(predictLongRunning|fetchPredictOperation)");

    private final Dialect dialect;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> forbidden = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    public volatile Fault createFault = Fault.NONE;
    public volatile Fault pollFault = Fault.NONE;
    public volatile Fault downloadFault = Fault.NONE;
    /** Status requests until an operation is done. */
    public volatile int pollsToFinish = 2;
    /** The MP4 every finished operation delivers. */
    public volatile byte[] video = TestClips.mp4(320, 180, 1);
    /** The service account's public key the token endpoint checks assertions with; {@code null}: no token endpoint. */
    public volatile RSAPublicKey accountKey;
    public final AtomicInteger tokensIssued = new AtomicInteger();
    /** Where the Gemini samples' URIs point ({@code null}: here); another origin must not get the key. */
    public volatile String filesBase;
    /** The list the Gemini samples are in: {@code generatedSamples} (Google's SDK) or {@code generatedVideos} (seen too). */
    public volatile String samplesList = "generatedSamples";

    private FakeVeo(Dialect dialect) throws IOException {
        this.dialect = dialect;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeVeo start(Dialect dialect) {
        try {
            return new FakeVeo(dialect);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tokenUri() {
        return baseUrl() + "/token";
    }

    /** A channel of {@code provider} pointing here, with test-friendly timeouts and the given credential. */
    public ChannelSettings channel(String name, Provider provider, String secret) {
        ChannelSettings c = ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(secret), provider)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));
        return dialect == Dialect.VERTEX ? c.withOptions(Map.of("project", PROJECT, "location", LOCATION)) : c;
    }

    public List<Seen> seen(String pathPart) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.path().contains(pathPart)).toList();
        }
    }

    /** The bodies of the creates received, oldest first. */
    public List<JsonNode> creates() {
        return seen(":predictLongRunning").stream().map(Seen::json).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode parsed = null;
            if (body.length > 0 && !path.equals("/token")) {
                try {
                    parsed = json.readTree(body);
                } catch (RuntimeException e) {
                    send(ex, status(400, "INVALID_ARGUMENT", "Invalid JSON payload received."));
                    return;
                }
            }
            seen.add(new Seen(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), parsed));
            if (path.equals("/token") && dialect == Dialect.VERTEX) {
                token(ex, new String(body, StandardCharsets.UTF_8));
            } else if (dialect == Dialect.GEMINI) {
                gemini(ex, path, parsed);
            } else {
                vertex(ex, path, parsed);
            }
        }
    }

    private void gemini(HttpExchange ex, String path, JsonNode body) throws IOException {
        String key = ex.getRequestHeaders().getFirst("x-goog-api-key");
        if (key == null) {
            send(ex, status(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without established identity)."
                    + " Please use API Key or other form of API consumer identity to call this API."));
            return;
        }
        if (!KEY.equals(key)) {
            ObjectNode error = status(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");
            error.withObject("error").putArray("details").addObject()
                    .put("@type", "type.googleapis.com/google.rpc.ErrorInfo").put("reason", "API_KEY_INVALID");
            send(ex, error);
            return;
        }
        Matcher m;
        if ((m = GEMINI_CREATE.matcher(path)).matches() && ex.getRequestMethod().equals("POST")) {
            create(ex, body, "models/" + m.group(1) + "/operations/" + UUID.randomUUID().toString().substring(0, 12));
        } else if ((m = GEMINI_POLL.matcher(path)).matches() && ex.getRequestMethod().equals("GET")) {
            poll(ex, m.group(1));
        } else if ((m = GEMINI_FILE.matcher(path)).matches() && "alt=media".equals(ex.getRequestURI().getQuery())) {
            download(ex);
        } else {
            send(ex, status(404, "NOT_FOUND", "Requested entity was not found."));
        }
    }

    private void vertex(HttpExchange ex, String path, JsonNode body) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        if (token == null || !(TOKEN.equals(token) || issued.containsKey(token))) {
            send(ex, status(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token,"
                    + " login cookie or other valid authentication credential."));
            return;
        }
        Matcher m = VERTEX_CALL.matcher(path);
        if (!m.matches() || !ex.getRequestMethod().equals("POST") || !m.group(1).equals(PROJECT) || !m.group(2).equals(LOCATION)) {
            send(ex, status(404, "NOT_FOUND", "Requested entity was not found."));
            return;
        }
        String prefix = "projects/" + PROJECT + "/locations/" + LOCATION + "/publishers/google/models/" + m.group(3);
        if (m.group(4).equals("predictLongRunning")) {
            create(ex, body, prefix + "/operations/" + UUID.randomUUID());
        } else {
            String name = body == null ? "" : body.path("operationName").asString("");
            if (!name.startsWith(prefix + "/operations/")) {
                send(ex, status(400, "INVALID_ARGUMENT", "Invalid operation name."));
                return;
            }
            poll(ex, name);
        }
    }

    private void create(HttpExchange ex, JsonNode body, String name) throws IOException {
        if (answeredFault(ex, createFault)) return;
        String invalid = VeoShape.problem(body, dialect == Dialect.GEMINI);
        if (invalid != null) {
            send(ex, status(400, "INVALID_ARGUMENT", invalid));
            return;
        }
        polls.put(name, new AtomicInteger());
        forbidden.put(name, body.path("instances").path(0).path("prompt").asString().contains("forbidden"));
        send(ex, json.createObjectNode().put("name", name));
    }

    private void poll(HttpExchange ex, String name) throws IOException {
        if (answeredFault(ex, pollFault)) return;
        AtomicInteger count = polls.get(name);
        if (count == null) {
            send(ex, status(404, "NOT_FOUND", "Operation not found: " + name));
            return;
        }
        ObjectNode op = json.createObjectNode().put("name", name);
        if (pollFault == Fault.NEVER_ENDS || count.incrementAndGet() < pollsToFinish) {
            if (count.get() % 2 == 0) op.put("done", false); // proto3 usually leaves it out
            send(ex, op);
            return;
        }
        op.put("done", true);
        if (pollFault == Fault.OPERATION_ERROR) {
            op.putObject("error").put("code", 3).put("status", "INVALID_ARGUMENT")
                    .put("message", "Video generation failed for operation " + name + ": the input image could not be used.");
            send(ex, 200, json.writeValueAsBytes(op));
            return;
        }
        ObjectNode response = op.putObject("response");
        ObjectNode result = dialect == Dialect.GEMINI ? response
                .put("@type", "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse")
                .putObject("generateVideoResponse") : response.put("@type", "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse");
        if (forbidden.get(name)) {
            result.put("raiMediaFilteredCount", 1).putArray("raiMediaFilteredReasons")
                    .add("Your prompt may violate our policies on harmful content. See " + baseUrl() + "/policy.");
        } else if (dialect == Dialect.GEMINI) {
            result.putArray(samplesList).addObject().putObject("video")
                    .put("uri", (filesBase != null ? filesBase : baseUrl()) + "/v1beta/files/" + name.substring(name.lastIndexOf('/') + 1) + ":download?alt=media");
        } else if (pollFault == Fault.IN_CLOUD_STORAGE) {
            result.putArray("videos").addObject().put("gcsUri", "gs://bucket/" + name + "/sample_0.mp4").put("mimeType", "video/mp4");
        } else {
            result.putArray("videos").addObject().put("bytesBase64Encoded", Base64.getEncoder().encodeToString(video))
                    .put("mimeType", "video/mp4");
        }
        byte[] bytes = json.writeValueAsBytes(op);
        if (pollFault == Fault.TRUNCATED) {
            sendTruncated(ex, bytes);
        } else {
            send(ex, 200, bytes);
        }
    }

    private void download(HttpExchange ex) throws IOException {
        switch (downloadFault) {
            case EXPIRED -> send(ex, status(404, "NOT_FOUND", "File not found or expired."));
            case TRUNCATED -> sendTruncated(ex, video);
            default -> {
                ex.getResponseHeaders().set("Content-Type", "video/mp4");
                ex.sendResponseHeaders(200, video.length);
                ex.getResponseBody().write(video);
            }
        }
    }

    /** The OAuth token endpoint: a JWT-bearer grant whose assertion the account's public key verifies. */
    private void token(HttpExchange ex, String form) throws IOException {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        boolean valid = false;
        try {
            SignedJWT jwt = SignedJWT.parse(fields.getOrDefault("assertion", ""));
            var claims = jwt.getJWTClaimsSet();
            valid = accountKey != null && "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))
                    && jwt.verify(new RSASSAVerifier(accountKey)) && ACCOUNT.equals(claims.getIssuer())
                    && claims.getAudience().contains(tokenUri()) && claims.getExpirationTime().after(new Date())
                    && String.valueOf(claims.getClaim("scope")).contains("cloud-platform");
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String token = "ya29.issued-" + tokensIssued.incrementAndGet() + "-" + UUID.randomUUID();
        issued.put(token, ACCOUNT);
        send(ex, json.createObjectNode().put("access_token", token).put("expires_in", 3599).put("token_type", "Bearer"));
    }

    private boolean answeredFault(HttpExchange ex, Fault fault) throws IOException {
        switch (fault) {
            case BAD_REQUEST -> send(ex, status(400, "INVALID_ARGUMENT", "Request contains an invalid argument."));
            case RATE_LIMITED -> send(ex, quota("GenerateRequestsPerMinutePerProjectPerModel", "7s"));
            case DAILY_QUOTA -> send(ex, quota("GenerateRequestsPerDayPerProjectPerModel", "43s"));
            case SERVER_ERROR -> send(ex, status(503, "UNAVAILABLE", "The model is overloaded. Please try again later."));
            case HTML -> send(ex, 502, "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            default -> {
                return false;
            }
        }
        return true;
    }

    private ObjectNode quota(String quotaId, String retryDelay) {
        ObjectNode body = status(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and billing details.");
        var details = body.withObject("error").putArray("details");
        details.addObject().put("@type", "type.googleapis.com/google.rpc.QuotaFailure").putArray("violations").addObject()
                .put("quotaMetric", "generativelanguage.googleapis.com/generate_requests").put("quotaId", quotaId);
        details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", retryDelay);
        return body;
    }

    /** A google.rpc.Status error body; its {@code code} is also the HTTP status. */
    private ObjectNode status(int code, String status, String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("code", code).put("message", message).put("status", status);
        return body;
    }

    private void send(HttpExchange ex, ObjectNode body) throws IOException {
        send(ex, body.path("error").path("code").asInt(200), json.writeValueAsBytes(body));
    }

    private void send(HttpExchange ex, int status, byte[] body) throws IOException {
        boolean html = body.length > 0 && body[0] == '<';
        ex.getResponseHeaders().set("Content-Type", html ? "text/html" : "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** Announces the whole length, sends half, and closes. */
    private static void sendTruncated(HttpExchange ex, byte[] body) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body, 0, body.length / 2);
        ex.getResponseBody().flush();
        throw new IOException("truncated on purpose");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
