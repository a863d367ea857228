package dev.vidgate.policy.moderation;

import com.sun.net.httpserver.HttpExchange;
import dev.vidgate.testsupport.ProviderFake;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A moderation service speaking OpenAI's {@code POST /v1/moderations} on 127.0.0.1, checking requests the way OpenAI
 * does: a Bearer key (401 {@code invalid_api_key} otherwise), a JSON body with a string {@code model} and a string
 * {@code input} (400 otherwise). An input holding a word given to {@link #flag} is flagged in that category; any other
 * is clean. Faults: canned answers per route ({@link #fail}, such as a 500), and {@link #stall} (the answer waits until
 * {@link #release}, so a caller's timeout runs out).
 */
public final class FakeModerations extends ProviderFake {
    public static final String ROUTE = "moderations";
    private static final String[] CATEGORIES = {"sexual", "sexual/minors", "harassment", "harassment/threatening", "hate",
            "hate/threatening", "illicit", "illicit/violent", "self-harm", "self-harm/intent", "self-harm/instructions", "violence",
            "violence/graphic"};

    private final String key;
    private final Map<String, String> flagged = new ConcurrentHashMap<>();
    private volatile CountDownLatch stalled;

    public FakeModerations(String key) {
        this.key = key;
    }

    /** Inputs holding {@code word} are flagged in OpenAI's {@code category}. */
    public FakeModerations flag(String word, String category) {
        flagged.put(word, category);
        return this;
    }

    /** Answers from now on only once {@link #release} is called. */
    public void stall() {
        stalled = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch s = stalled;
        stalled = null;
        if (s != null) s.countDown();
    }

    @Override
    protected String route(HttpExchange ex) {
        return ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().equals("/v1/moderations") ? ROUTE : null;
    }

    @Override
    protected Canned answer(String route, HttpExchange ex, JsonNode body) {
        if (!("Bearer " + key).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        }
        if (body == null || !body.isObject() || !body.path("input").isString() || !body.path("model").isString()) {
            return error(400, "'input' and 'model' are required strings.", "invalid_request_error", "invalid_value");
        }
        CountDownLatch s = stalled;
        if (s != null) {
            try {
                s.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String input = body.get("input").asString();
        String category = flagged.entrySet().stream().filter(e -> input.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(null);
        ObjectNode answer = json.createObjectNode().put("id", "modr-" + Math.abs(input.hashCode())).put("model", body.get("model").asString());
        ObjectNode result = answer.putArray("results").addObject().put("flagged", category != null);
        ObjectNode categories = result.putObject("categories");
        ObjectNode scores = result.putObject("category_scores");
        for (String c : CATEGORIES) {
            categories.put(c, c.equals(category));
            scores.put(c, c.equals(category) ? 0.97 : 0.0004);
        }
        return Canned.json(200, answer.toString());
    }

    @Override
    protected Canned notFound(HttpExchange ex) {
        return error(404, "Invalid URL (" + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + ")", "invalid_request_error", null);
    }

    private Canned error(int status, String message, String type, String code) {
        ObjectNode node = json.createObjectNode();
        ObjectNode error = node.putObject("error").put("message", message).put("type", type).putNull("param");
        if (code == null) error.putNull("code"); else error.put("code", code);
        return Canned.json(status, node.toString());
    }

    @Override
    public void close() {
        release();
        super.close();
    }
}
