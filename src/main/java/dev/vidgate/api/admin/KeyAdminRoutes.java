package dev.vidgate.api.admin;

import dev.vidgate.api.PageJson;
import dev.vidgate.api.Paging;
import dev.vidgate.api.admin.AdminJson.CreatedKeyJson;
import dev.vidgate.api.admin.AdminJson.KeyJson;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeyChanges;
import dev.vidgate.tenancy.NewKey;
import dev.vidgate.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Set;

/** {@code /admin/v1/keys}: make keys (the secret is shown once), list them masked, change, disable and rotate them. */
@RestController
@RequestMapping("/admin/v1/keys")
final class KeyAdminRoutes {
    private final Tenants tenants;
    private final AdminRequests requests;

    KeyAdminRoutes(Tenants tenants, AdminRequests requests) {
        this.tenants = tenants;
        this.requests = requests;
    }

    /**
     * {@code {"tenant", "name"?, "max_concurrent"?, "requests_per_minute"?, "max_queued"?, "allowed_models"?, "expires_at"?}};
     * absent limits take the defaults, null ones mean none.
     */
    @PostMapping
    CreatedKeyJson create(HttpServletRequest request) throws IOException {
        JsonNode body = requests.body(request);
        var created = tenants.createKey(new NewKey(AdminRequests.requiredText(body, "tenant"), AdminRequests.text(body, "name"),
                AdminRequests.integer(body, "max_concurrent").orElse(null), AdminRequests.integer(body, "requests_per_minute"),
                AdminRequests.integer(body, "max_queued"), AdminRequests.strings(body, "allowed_models").orElse(Set.of()),
                AdminRequests.time(body, "expires_at").orElse(null)));
        return shown(created);
    }

    @GetMapping
    PageJson<KeyJson> list(@RequestParam(required = false) String tenant, @RequestParam(required = false) String after,
                           @RequestParam(required = false) String limit, @RequestParam(required = false) String order) {
        int size = Paging.limit(limit);
        return PageJson.of(tenants.keys(Paging.cursor(tenant), Paging.cursor(after), size + 1, Paging.ascending(order)), size,
                KeyJson::of, KeyJson::id);
    }

    @GetMapping("/{id}")
    KeyJson get(@PathVariable String id) {
        return KeyJson.of(tenants.key(id));
    }

    /** Changes only the fields given; {@code "disabled": true} stops the key (its videos stay). */
    @PostMapping("/{id}")
    KeyJson update(@PathVariable String id, HttpServletRequest request) throws IOException {
        JsonNode body = requests.body(request);
        return KeyJson.of(tenants.updateKey(id, new KeyChanges(AdminRequests.textChange(body, "name"), AdminRequests.integer(body, "max_concurrent"), AdminRequests.integer(body, "requests_per_minute"),
                AdminRequests.integer(body, "max_queued"), AdminRequests.strings(body, "allowed_models"),
                AdminRequests.time(body, "expires_at"), AdminRequests.bool(body, "disabled"))));
    }

    /** A new secret, shown once; the key keeps its id, tenant, limits and videos, and the old secret stops working. */
    @PostMapping("/{id}/rotate")
    CreatedKeyJson rotate(@PathVariable String id) {
        return shown(tenants.rotateKey(id));
    }

    private CreatedKeyJson shown(CreatedKey created) {
        return CreatedKeyJson.of(created, tenants.key(created.keyId()));
    }
}
