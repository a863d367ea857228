package dev.vidgate.api.admin;

import dev.vidgate.api.PageJson;
import dev.vidgate.api.Paging;
import dev.vidgate.api.WebhookJson;
import dev.vidgate.api.WebhookJson.DeliveryJson;
import dev.vidgate.common.Change;
import dev.vidgate.tenancy.Tenants;
import dev.vidgate.webhooks.Delivery;
import dev.vidgate.webhooks.Webhooks;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Collection;

/**
 * {@code /admin/v1/webhooks}: every tenant's endpoints (the secret shown once, at create and rotate), their changes
 * (enabled, {@code allow_private}, URL, events), and each endpoint's delivery log with redelivery.
 */
@RestController
@RequestMapping("/admin/v1/webhooks")
final class WebhookAdminRoutes {
    private final Webhooks webhooks;
    private final Tenants tenants;
    private final AdminRequests requests;

    WebhookAdminRoutes(Webhooks webhooks, Tenants tenants, AdminRequests requests) {
        this.webhooks = webhooks;
        this.tenants = tenants;
        this.requests = requests;
    }

    /** {@code {"tenant", "url", "events"?, "allow_private"?}}. */
    @PostMapping
    WebhookJson.WithSecret create(HttpServletRequest request) {
        JsonNode body = requests.body(request);
        String tenant = tenants.tenant(AdminRequests.requiredText(body, "tenant")).id();
        Collection<String> events = AdminRequests.strings(body, "events").orElse(null);
        return WebhookJson.WithSecret.of(webhooks.create(tenant, AdminRequests.text(body, "url"), events,
                Boolean.TRUE.equals(AdminRequests.bool(body, "allow_private").orElse(false))));
    }

    @GetMapping
    PageJson<WebhookJson> list(@RequestParam(required = false) String tenant, @RequestParam(required = false) String after,
                               @RequestParam(required = false) String limit, @RequestParam(required = false) String order) {
        int size = Paging.limit(limit);
        return PageJson.of(webhooks.list(tenants.idOrAll(tenant), Paging.cursor(after), size + 1, Paging.ascending(order)), size,
                WebhookJson::of, WebhookJson::id);
    }

    @GetMapping("/{id}")
    WebhookJson get(@PathVariable String id) {
        return WebhookJson.of(webhooks.get(null, id));
    }

    /** Changes only the fields given: {@code url}, {@code events}, {@code enabled} (enabling clears the reason), {@code allow_private}. */
    @PostMapping("/{id}")
    WebhookJson update(@PathVariable String id, HttpServletRequest request) {
        JsonNode body = requests.body(request);
        Change<Collection<String>> events = AdminRequests.strings(body, "events").map(s -> s);
        return WebhookJson.of(webhooks.update(id, AdminRequests.textChange(body, "url"), events, AdminRequests.bool(body, "enabled"),
                AdminRequests.bool(body, "allow_private")));
    }

    @DeleteMapping("/{id}")
    WebhookJson.Deleted delete(@PathVariable String id) {
        webhooks.delete(null, id);
        return WebhookJson.Deleted.of(id);
    }

    @PostMapping("/{id}/rotate")
    WebhookJson.WithSecret rotate(@PathVariable String id) {
        return WebhookJson.WithSecret.of(webhooks.rotate(null, id));
    }

    /** The endpoint's deliveries, newest first by default, each with its attempts (status code, latency, error, 1 KB of answer). */
    @GetMapping("/{id}/deliveries")
    PageJson<DeliveryJson> deliveries(@PathVariable String id, @RequestParam(required = false) String after,
                                      @RequestParam(required = false) String limit, @RequestParam(required = false) String order) {
        int size = Paging.limit(limit);
        return PageJson.of(webhooks.deliveries(null, id, Paging.cursor(after), size + 1, Paging.ascending(order)), size,
                this::json, DeliveryJson::id);
    }

    @GetMapping("/{id}/deliveries/{delivery}")
    DeliveryJson delivery(@PathVariable String id, @PathVariable String delivery) {
        return json(webhooks.delivery(id, delivery));
    }

    /** Sends the delivery again now, with the same {@code webhook-id}, whatever became of it. */
    @PostMapping("/{id}/deliveries/{delivery}/redeliver")
    DeliveryJson redeliver(@PathVariable String id, @PathVariable String delivery) {
        return json(webhooks.redeliver(id, delivery));
    }

    private DeliveryJson json(Delivery d) {
        return DeliveryJson.of(d, webhooks.attempts(d.id()));
    }
}
