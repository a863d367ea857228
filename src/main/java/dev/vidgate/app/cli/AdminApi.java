package dev.vidgate.app.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A running server's admin API ({@code /admin/v1}), as the commands call it: JSON in, JSON out, the admin key as Bearer. */
final class AdminApi {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminApi(String base, String adminKey) {
        this.base = base;
        this.adminKey = adminKey;
    }

    /** The admin API of the server at {@code url} ({@code http://host:port}), or misuse when the key is missing. */
    static AdminApi of(String url, String adminKey) {
        if (adminKey == null || adminKey.isBlank()) {
            throw new Args.UsageException("VIDGATE_URL is set but VIDGATE_ADMIN_KEY is not: the commands need the server's admin key");
        }
        String trimmed = url.strip().replaceAll("/+$", "");
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new Args.UsageException("VIDGATE_URL must start with http:// or https://, got '" + url + "'");
        }
        return new AdminApi(trimmed + "/admin/v1", adminKey.strip());
    }

    String where() {
        return base;
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?a=1&b=2} of the entries whose value is not null (an empty string when none is). */
    static String query(Map<String, ?> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null) q.append(q.isEmpty() ? '?' : '&').append(name).append('=').append(segment(value.toString()));
        });
        return q.toString();
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    JsonNode delete(String path) {
        return send(request(path).DELETE());
    }

    JsonNode post(String path, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminKey).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unreachable(base);
        } catch (IOException e) {
            throw new Failed(1, "the admin API at " + base + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(1, "interrupted");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            throw new Failed(1, "the admin API at " + base + " answered HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() / 100 == 2) return answer;
        String message = answer.path("error").path("message").asString("HTTP " + response.statusCode());
        throw new Failed(response.statusCode() / 100 == 4 ? 2 : 1, message + " (HTTP " + response.statusCode() + ")");
    }

    /** Nothing listens at the URL: the request was never sent. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String base) {
            super("no server answers at " + base, null, false, false);
        }
    }

    /** The server refused the command (exit code 2) or could not carry it out (1). */
    static final class Failed extends RuntimeException {
        final int exitCode;

        Failed(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
