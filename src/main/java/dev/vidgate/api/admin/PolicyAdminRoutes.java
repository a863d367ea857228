package dev.vidgate.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.api.PageJson;
import dev.vidgate.api.Paging;
import dev.vidgate.common.ApiException;
import dev.vidgate.policy.Block;
import dev.vidgate.policy.Level;
import dev.vidgate.policy.PolicyStore;
import dev.vidgate.tenancy.Tenant;
import dev.vidgate.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The content policy in the admin API: a tenant's level ({@code /admin/v1/tenants/{tenant}/policy}) and the audit of
 * blocks ({@code /admin/v1/policy/blocks?tenant=}, paged like the other lists).
 */
@RestController
final class PolicyAdminRoutes {
    private final PolicyStore store;
    private final Tenants tenants;
    private final AdminRequests requests;

    PolicyAdminRoutes(PolicyStore store, Tenants tenants, AdminRequests requests) {
        this.store = store;
        this.tenants = tenants;
        this.requests = requests;
    }

    @GetMapping("/admin/v1/policy/blocks")
    PageJson<BlockJson> blocks(@RequestParam(required = false) String tenant, @RequestParam(required = false) String after,
                               @RequestParam(required = false) String limit, @RequestParam(required = false) String order) {
        int size = Paging.limit(limit);
        String tenantId = tenant == null || tenant.isEmpty() ? null : tenants.tenant(tenant).id();
        return PageJson.of(store.blocks(tenantId, Paging.cursor(after), size + 1, Paging.ascending(order)), size, BlockJson::of,
                BlockJson::id);
    }

    @GetMapping("/admin/v1/tenants/{tenant}/policy")
    TenantPolicyJson get(@PathVariable String tenant) {
        Tenant t = tenants.tenant(tenant);
        return TenantPolicyJson.of(t, store.tenantLevel(t.id()).orElse(null));
    }

    /** {@code {"level": "strict" | "standard" | "off" | null}}; null clears the override (the models' levels apply). */
    @PostMapping("/admin/v1/tenants/{tenant}/policy")
    TenantPolicyJson set(@PathVariable String tenant, HttpServletRequest request) {
        JsonNode body = requests.body(request);
        if (!body.has("level")) throw ApiException.invalid("Missing required parameter: level", "level", "missing_required_parameter");
        String text = AdminRequests.text(body, "level");
        Level level = text == null ? null : Level.parse(text).orElseThrow(() -> ApiException.invalid(
                "'level' must be " + Level.names() + " (or null to clear it), not '" + ApiException.echo(text, 40) + "'.", "level",
                "invalid_value"));
        Tenant t = tenants.tenant(tenant);
        store.setTenantLevel(t.id(), level);
        return TenantPolicyJson.of(t, level);
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TenantPolicyJson(String object, @JsonProperty("tenant_id") String tenantId, String level) {
        static TenantPolicyJson of(Tenant t, Level level) {
            return new TenantPolicyJson("tenant.policy", t.id(), level == null ? null : level.wireName());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BlockJson(String id, String object, @JsonProperty("tenant_id") String tenantId, @JsonProperty("key_id") String keyId,
                     String model, String category, String source, @JsonProperty("created_at") long createdAt,
                     @JsonProperty("prompt_sha256") String promptSha256, String excerpt, @JsonProperty("video_id") String videoId) {
        static BlockJson of(Block b) {
            return new BlockJson(b.id(), "policy.block", b.tenantId(), b.keyId(), b.model(), b.category().wireName(),
                    b.source().wireName(), b.at().getEpochSecond(), b.promptSha256(), b.excerpt(), b.videoId());
        }
    }
}
