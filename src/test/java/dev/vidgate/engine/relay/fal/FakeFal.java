package dev.vidgate.engine.relay.fal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.FaultPlan;
import dev.vidgate.engine.relay.FakeServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * fal's queue over real HTTP on 127.0.0.1, as fal's queue documentation describes it, serving Pika 2.2's two paths:
 * {@code Authorization: Key} (another key gets fal's 401), {@code POST /fal-ai/pika/v2.2/{text,image}-to-video} checked
 * as Pika's schema ({@link PikaInputCheck}) and answered with {@code request_id} and the request's addresses under the
 * app {@code fal-ai/pika}; {@code GET .../requests/{id}/status} walking {@code IN_QUEUE -> IN_PROGRESS -> COMPLETED} (or
 * a {@link #script}); {@code GET .../requests/{id}} answering "Request is still in progress" until then, and then the
 * video on {@link FakeFalMedia}; {@code PUT .../cancel}. When a request ends it POSTs fal's webhook body to the
 * {@code fal_webhook} it was given. Faults: canned answers per route ({@link #fail}), a prompt its content checker
 * flags ("forbidden": 422 {@code content_policy_violation} as the result), a video flagged NSFW.
 */
final class FakeFal implements AutoCloseable {
    static final String KEY = "0f3c2a9e-fake-4b1d:9a8b7c6d5e4f3a2b1c0dfakefalsecret";
    static final String TEXT = "fal-ai/pika/v2.2/text-to-video";
    static final String IMAGE = "fal-ai/pika/v2.2/image-to-video";
    private static final String APP = "/fal-ai/pika";

    enum Route { CREATE, STATUS, RESULT, CANCEL }

    record Seen(Route route, String path, String query, Map<String, List<String>> headers, JsonNode json) {}

    record Canned(int status, String body) {}

    static final class Request {
        final String id;
        final String model;
        final JsonNode input;
        final String webhook;
        volatile int polls;
        volatile boolean finished;

        Request(String id, String model, JsonNode input, String webhook) {
            this.id = id;
            this.model = model;
            this.input = input;
            this.webhook = webhook;
        }
    }

    final FakeFalMedia media = new FakeFalMedia();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient webhooks = HttpClient.newBuilder().executor(executor).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Request> requests = new ConcurrentHashMap<>();

    /** The request ids handed out so far. */
    Set<String> ids() {
        return requests.keySet();
    }
    private final FaultPlan<Route, Canned> faults = new FaultPlan<>(Route.class);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Webhook deliveries: the HTTP status our side answered. */
    final List<Integer> webhookAnswers = new CopyOnWriteArrayList<>();

    /** The status of a request's 1st, 2nd, ... status poll; the last repeats. */
    volatile List<String> script = List.of("IN_QUEUE", "IN_PROGRESS", "COMPLETED");
    volatile String acceptedKey = KEY;
    /** Whether finished videos come flagged by the safety checker. */
    volatile boolean nsfw;

    FakeFal() {
        server = FakeServers.serve(executor, this::handle);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A {@code fal} channel here serving {@code pika-2.2}, with Pika's image-to-video path for references. */
    ChannelSettings channel(String name) {
        return ChannelSettings.of(name, URI.create(baseUrl()), ApiKey.of(KEY), new FalProvider())
                .withModels(Map.of("pika-2.2", TEXT)).withOptions(Map.of(FalProvider.IMAGE_MODEL, IMAGE))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    static Canned detail(int status, String message) {
        return new Canned(status, "{\"detail\":\"" + message + "\"}");
    }

    void fail(Route route, Canned... queued) {
        faults.queue(route, queued);
    }

    void failAlways(Route route, Canned fault) {
        faults.always(route, fault);
    }

    List<Seen> seen(Route route) {
        return seen.stream().filter(s -> s.route() == route).toList();
    }

    /** Ends every request at once (whatever its script says) and sends each its webhook. */
    void finishAll() {
        requests.values().forEach(r -> {
            r.finished = true;
            if (r.webhook != null) executor.submit(() -> deliverWebhook(r));
        });
    }


    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!("Key " + acceptedKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, detail(401, "Authentication is required to access this application."));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode parsed = null;
            try {
                parsed = body.length == 0 ? null : json.readTree(body);
            } catch (RuntimeException e) {
                // refused below as fal refuses a body that is not JSON
            }
            Route route = routeOf(ex.getRequestMethod(), path);
            if (route == null) {
                send(ex, detail(path.startsWith(APP) ? 405 : 404, "Application not found or method not allowed."));
                return;
            }
            seen.add(new Seen(route, path, ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()), parsed));
            Canned fault = faults.next(route);
            if (fault != null) {
                send(ex, fault);
                return;
            }
            String id = route == Route.CREATE ? null : path.split("/")[4];
            send(ex, switch (route) {
                case CREATE -> create(path.substring(1), parsed, ex.getRequestURI().getRawQuery());
                case STATUS -> status(id);
                case RESULT -> result(id);
                case CANCEL -> cancel(id);
            });
        } catch (IOException e) {
            // the client went away
        }
    }

    private static Route routeOf(String method, String path) {
        if (method.equals("POST") && (path.equals("/" + TEXT) || path.equals("/" + IMAGE))) return Route.CREATE;
        String[] parts = path.split("/"); // "", fal-ai, pika, requests, {id}, [status|cancel]
        if (!path.startsWith(APP + "/requests/") || parts.length < 5 || parts.length > 6) return null;
        if (parts.length == 5) return method.equals("GET") ? Route.RESULT : null;
        if (parts[5].equals("status")) return method.equals("GET") ? Route.STATUS : null;
        return parts[5].equals("cancel") && method.equals("PUT") ? Route.CANCEL : null;
    }

    private Canned create(String model, JsonNode input, String query) {
        String refusal = PikaInputCheck.refusal(input, model.equals(IMAGE));
        if (refusal != null) return new Canned(422, refusal);
        String id = UUID.randomUUID().toString();
        requests.put(id, new Request(id, model, input, webhookOf(query)));
        return ok(addresses(json.createObjectNode().put("request_id", id), id).put("queue_position", 0));
    }

    private Canned status(String id) {
        Request request = requests.get(id);
        if (request == null) return detail(404, "Request not found");
        request.polls++;
        String status = statusOf(request);
        ObjectNode node = addresses(json.createObjectNode().put("status", status), id);
        if (status.equals("IN_QUEUE")) node.put("queue_position", 2);
        if (status.equals("FAILED")) node.put("error", "The model runner crashed while generating.").put("error_type", "runner_error");
        return ok(node);
    }

    private Canned result(String id) {
        Request request = requests.get(id);
        if (request == null) return detail(404, "Request not found");
        if (!statusOf(request).equals("COMPLETED")) return detail(400, "Request is still in progress");
        if (request.input.path("prompt").asString().contains("forbidden")) {
            return new Canned(422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"The content was flagged by a content checker.\","
                    + "\"type\":\"content_policy_violation\",\"url\":\"https://docs.fal.ai/errors#content_policy_violation\","
                    + "\"input\":\"something forbidden\",\"categories\":[\"illicit\"]}]}");
        }
        return ok(output(request));
    }

    private Canned cancel(String id) {
        Request request = requests.get(id);
        if (request == null) return detail(404, "Request not found");
        if (statusOf(request).equals("COMPLETED")) return new Canned(400, "{\"status\":\"ALREADY_COMPLETED\"}");
        return new Canned(202, "{\"status\":\"CANCELLATION_REQUESTED\"}");
    }

    String statusOf(Request request) {
        if (request.finished) return "COMPLETED";
        List<String> steps = script;
        return steps.get(Math.min(Math.max(0, request.polls - 1), steps.size() - 1));
    }

    /** Pika's output: the video file and the seed used. */
    private ObjectNode output(Request request) {
        ObjectNode node = json.createObjectNode();
        int seconds = request.input.path("duration").asInt(5);
        node.putObject("video").put("url", media.url(request.id)).put("content_type", "video/mp4").put("file_name", "output.mp4")
                .put("file_size", media.video.length).put("width", 1280).put("height", 720).put("duration", seconds).put("fps", 24);
        node.put("seed", request.input.path("seed").asLong(1234567));
        if (nsfw) node.putArray("has_nsfw_concepts").add(true);
        return node;
    }

    private ObjectNode addresses(ObjectNode node, String id) {
        String request = baseUrl() + APP + "/requests/" + id;
        return node.put("response_url", request).put("status_url", request + "/status").put("cancel_url", request + "/cancel");
    }

    private static String webhookOf(String query) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("fal_webhook=")) return URLDecoder.decode(pair.substring("fal_webhook=".length()), StandardCharsets.UTF_8);
        }
        return null;
    }

    /** fal's webhook: {@code request_id}, {@code gateway_request_id}, {@code status} OK and the result as {@code payload}. */
    private void deliverWebhook(Request request) {
        ObjectNode body = json.createObjectNode().put("request_id", request.id).put("gateway_request_id", request.id).put("status", "OK");
        body.set("payload", output(request));
        try {
            HttpResponse<Void> answer = webhooks.send(HttpRequest.newBuilder(URI.create(request.webhook))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            webhookAnswers.add(answer.statusCode());
        } catch (IOException e) {
            webhookAnswers.add(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Canned ok(ObjectNode body) {
        return new Canned(200, json.writeValueAsString(body));
    }

    private static void send(HttpExchange ex, Canned reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        media.close();
    }
}
