package dev.vidgate.api.admin;

import dev.vidgate.api.UsageJson;
import dev.vidgate.billing.Billing;
import dev.vidgate.tenancy.ApiKey;
import dev.vidgate.tenancy.Tenants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/v1/usage?tenant=&key=&from=&to=}: billed seconds, jobs and credits per UTC day, tenant, key and model. */
@RestController
final class UsageAdminRoutes {
    private final Tenants tenants;
    private final Billing billing;

    UsageAdminRoutes(Tenants tenants, Billing billing) {
        this.tenants = tenants;
        this.billing = billing;
    }

    @GetMapping("/admin/v1/usage")
    UsageJson usage(@RequestParam(required = false) String tenant, @RequestParam(required = false) String key,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String tenantId = tenants.idOrAll(tenant);
        String keyId = null;
        if (key != null && !key.isEmpty()) {
            ApiKey k = tenants.key(key);
            keyId = k.id();
            if (tenantId == null) tenantId = k.tenantId();
        }
        var usage = billing.usage(tenantId, keyId, UsageJson.day(from, "from"), UsageJson.day(to, "to"));
        return UsageJson.of(usage, tenantId == null ? null : billing.account(tenantId));
    }
}
