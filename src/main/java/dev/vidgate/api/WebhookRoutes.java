package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.webhooks.Webhooks;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v1/webhooks}, our extension: a key holder manages its tenant's endpoints. {@code POST {"url", "events"?}}
 * answers the endpoint with its secret (shown this once); list, get, delete, and rotate (the old secret signs alongside
 * the new one for 24 h). Private addresses are the admin's to allow.
 */
@RestController
final class WebhookRoutes {
    private static final int MAX_BODY = 16 * 1024;

    private final Webhooks webhooks;
    private final ObjectMapper json;

    WebhookRoutes(Webhooks webhooks, ObjectMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    @PostMapping({"/v1/webhooks", "/openai/v1/webhooks"})
    WebhookJson.WithSecret create(HttpServletRequest request) throws IOException {
        Principal who = Authentication.principal(request);
        JsonNode body = body(request);
        JsonNode url = body.get("url");
        if (url != null && !url.isNull() && !url.isString()) throw ApiException.invalid("'url' must be a string.", "url", "invalid_type");
        return WebhookJson.WithSecret.of(webhooks.create(who.tenantId(), url == null || url.isNull() ? null : url.asString(),
                events(body), false));
    }

    @GetMapping({"/v1/webhooks", "/openai/v1/webhooks"})
    PageJson<WebhookJson> list(@RequestParam(required = false) String after, @RequestParam(required = false) String limit,
                               @RequestParam(required = false) String order, HttpServletRequest request) {
        int size = Paging.limit(limit);
        return PageJson.of(webhooks.list(Authentication.principal(request).tenantId(), Paging.cursor(after), size + 1,
                Paging.ascending(order)), size, WebhookJson::of, WebhookJson::id);
    }

    @GetMapping({"/v1/webhooks/{id}", "/openai/v1/webhooks/{id}"})
    WebhookJson get(@PathVariable String id, HttpServletRequest request) {
        return WebhookJson.of(webhooks.get(Authentication.principal(request).tenantId(), id));
    }

    @DeleteMapping({"/v1/webhooks/{id}", "/openai/v1/webhooks/{id}"})
    WebhookJson.Deleted delete(@PathVariable String id, HttpServletRequest request) {
        webhooks.delete(Authentication.principal(request).tenantId(), id);
        return WebhookJson.Deleted.of(id);
    }

    @PostMapping({"/v1/webhooks/{id}/rotate", "/openai/v1/webhooks/{id}/rotate"})
    WebhookJson.WithSecret rotate(@PathVariable String id, HttpServletRequest request) {
        return WebhookJson.WithSecret.of(webhooks.rotate(Authentication.principal(request).tenantId(), id));
    }

    private JsonNode body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) throw ApiException.tooLarge("A webhook request body is at most 16 KiB.", null);
        try {
            JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
            if (node != null && node.isObject()) return node;
        } catch (JacksonException ignored) {
            // answered below
        }
        throw ApiException.invalid("The body must be a JSON object.", null, "invalid_json");
    }

    /** The {@code events} array, or null when absent (OpenAI's two). */
    static List<String> events(JsonNode body) {
        JsonNode node = body.get("events");
        if (node == null || node.isNull()) return null;
        if (!node.isArray() || node.size() > 10) throw ApiException.invalid("'events' must be an array of event types.", "events", "invalid_type");
        List<String> events = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) throw ApiException.invalid("'events' must be an array of event types.", "events", "invalid_type");
            events.add(item.asString());
        }
        return events;
    }
}
