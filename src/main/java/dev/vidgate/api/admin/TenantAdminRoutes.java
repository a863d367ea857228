package dev.vidgate.api.admin;

import dev.vidgate.api.PageJson;
import dev.vidgate.api.Paging;
import dev.vidgate.api.admin.AdminJson.TenantJson;
import dev.vidgate.billing.Billing;
import dev.vidgate.billing.SpendingLimits;
import dev.vidgate.tenancy.Tenant;
import dev.vidgate.tenancy.TenantChanges;
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

/** {@code /admin/v1/tenants}: make, list, show and change tenants, their money limits included. */
@RestController
@RequestMapping("/admin/v1/tenants")
final class TenantAdminRoutes {
    private final Tenants tenants;
    private final Billing billing;
    private final AdminRequests requests;

    TenantAdminRoutes(Tenants tenants, Billing billing, AdminRequests requests) {
        this.tenants = tenants;
        this.billing = billing;
        this.requests = requests;
    }

    /** {@code {"name", "default_max_concurrent"?, "credit_limit"?, "daily_limit"?, "monthly_limit"?}}. */
    @PostMapping
    TenantJson create(HttpServletRequest request) throws IOException {
        JsonNode body = requests.body(request);
        String name = AdminRequests.requiredText(body, "name");
        Integer concurrency = AdminRequests.integer(body, "default_max_concurrent").orElse(null);
        SpendingLimits limits = limits(body);
        Billing.validate(limits);
        Tenant tenant = tenants.createTenant(name, concurrency);
        return TenantJson.of(tenant, billing.setLimits(tenant.id(), limits));
    }

    @GetMapping
    PageJson<TenantJson> list(@RequestParam(required = false) String after, @RequestParam(required = false) String limit,
                              @RequestParam(required = false) String order) {
        int size = Paging.limit(limit);
        return PageJson.of(tenants.tenants(Paging.cursor(after), size + 1, Paging.ascending(order)), size,
                t -> TenantJson.of(t, billing.account(t.id())), TenantJson::id);
    }

    @GetMapping("/{tenant}")
    TenantJson get(@PathVariable String tenant) {
        Tenant t = tenants.tenant(tenant);
        return TenantJson.of(t, billing.account(t.id()));
    }

    /** Changes only the fields given: {@code default_max_concurrent}, {@code disabled} and the money limits (null: none). */
    @PostMapping("/{tenant}")
    TenantJson update(@PathVariable String tenant, HttpServletRequest request) throws IOException {
        JsonNode body = requests.body(request);
        var changes = new TenantChanges(AdminRequests.integer(body, "default_max_concurrent"), AdminRequests.bool(body, "disabled"));
        SpendingLimits limits = limits(body);
        Billing.validate(limits);
        Tenant updated = tenants.updateTenant(tenant, changes);
        return TenantJson.of(updated, billing.setLimits(updated.id(), limits));
    }

    private static SpendingLimits limits(JsonNode body) {
        return new SpendingLimits(AdminRequests.amount(body, "credit_limit"), AdminRequests.amount(body, "daily_limit"),
                AdminRequests.amount(body, "monthly_limit"));
    }
}
