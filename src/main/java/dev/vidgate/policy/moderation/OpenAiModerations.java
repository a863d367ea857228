package dev.vidgate.policy.moderation;

import dev.vidgate.policy.Category;
import dev.vidgate.policy.Classifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Classifier} over OpenAI's moderation protocol: {@code POST <base>/moderations} with
 * {@code {"model","input"}}, read from {@code results[0].flagged} and {@code results[0].categories}. OpenAI's sexual,
 * violence and self-harm categories are {@link Category#MINORS} (not for viewers under 18); any other flagged category, or
 * a flag without one this knows (a guard model's own names), is {@link Category#UNSAFE}.
 */
public final class OpenAiModerations implements Classifier {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Category> KNOWN = Map.of(
            "sexual", Category.MINORS, "sexual/minors", Category.MINORS, "violence", Category.MINORS,
            "violence/graphic", Category.MINORS, "self-harm", Category.MINORS, "self-harm/intent", Category.MINORS,
            "self-harm/instructions", Category.MINORS);

    private final ModerationSettings settings;
    private final URI endpoint;
    private final HttpClient http;

    public OpenAiModerations(ModerationSettings settings) {
        this.settings = settings;
        String base = settings.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "moderations");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Set<Category> flagged(String text) {
        String body = JSON.createObjectNode().put("model", settings.model()).put("input", text).toString();
        var request = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.apiKey() != null) request.header("Authorization", "Bearer " + settings.apiKey());
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ClassifierUnavailable("no answer within " + settings.timeout(), e);
        } catch (IOException e) {
            throw new ClassifierUnavailable("cannot reach it: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClassifierUnavailable("interrupted", e);
        }
        if (answer.statusCode() != 200) throw new ClassifierUnavailable("it answered HTTP " + answer.statusCode(), null);
        return read(answer.body());
    }

    private static Set<Category> read(String body) {
        JsonNode result;
        try {
            result = JSON.readTree(body).path("results").path(0);
        } catch (JacksonException e) {
            throw new ClassifierUnavailable("its answer is not JSON", e);
        }
        if (!result.path("flagged").isBoolean()) throw new ClassifierUnavailable("its answer has no results[0].flagged", null);
        Set<Category> found = EnumSet.noneOf(Category.class);
        if (!result.path("flagged").asBoolean()) return found;
        for (var entry : result.path("categories").properties()) {
            if (entry.getValue().asBoolean(false)) found.add(KNOWN.getOrDefault(entry.getKey(), Category.UNSAFE));
        }
        if (found.isEmpty()) found.add(Category.UNSAFE);
        return found;
    }
}
