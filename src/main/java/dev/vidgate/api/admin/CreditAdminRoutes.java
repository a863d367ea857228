package dev.vidgate.api.admin;

import dev.vidgate.api.PageJson;
import dev.vidgate.api.Paging;
import dev.vidgate.api.admin.AdminJson.MovementJson;
import dev.vidgate.api.admin.AdminJson.ReconciliationJson;
import dev.vidgate.billing.Billing;
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

/**
 * Money moved by the operator (top-ups, adjustments; each with a reason, idempotent under an
 * {@code Idempotency-Key}), the ledger, and the reconciliation check.
 */
@RestController
@RequestMapping("/admin/v1")
final class CreditAdminRoutes {
    private final Tenants tenants;
    private final Billing billing;
    private final AdminRequests requests;

    CreditAdminRoutes(Tenants tenants, Billing billing, AdminRequests requests) {
        this.tenants = tenants;
        this.billing = billing;
        this.requests = requests;
    }

    /** {@code {"amount": micro-credits > 0, "reason"}}. */
    @PostMapping("/tenants/{tenant}/topups")
    MovementJson topUp(@PathVariable String tenant, HttpServletRequest request) throws IOException {
        JsonNode body = requests.body(request);
        return MovementJson.of(billing.topUp(tenants.tenant(tenant).id(), AdminRequests.requiredAmount(body, "amount"),
                AdminRequests.text(body, "reason"), request.getHeader("Idempotency-Key")));
    }

    /** {@code {"amount": micro-credits, either sign, "reason"}}. */
    @PostMapping("/tenants/{tenant}/adjustments")
    MovementJson adjust(@PathVariable String tenant, HttpServletRequest request) throws IOException {
        JsonNode body = requests.body(request);
        return MovementJson.of(billing.adjust(tenants.tenant(tenant).id(), AdminRequests.requiredAmount(body, "amount"),
                AdminRequests.text(body, "reason"), request.getHeader("Idempotency-Key")));
    }

    /** The ledger of one tenant, or of all; newest first unless {@code order=asc}. */
    @GetMapping("/ledger")
    PageJson<MovementJson> ledger(@RequestParam(required = false) String tenant, @RequestParam(required = false) String after,
                                  @RequestParam(required = false) String limit, @RequestParam(required = false) String order) {
        String tenantId = tenants.idOrAll(tenant);
        int size = Paging.limit(limit);
        return PageJson.of(billing.movements(tenantId, Paging.cursor(after), size + 1, Paging.ascending(order)), size,
                MovementJson::of, MovementJson::id);
    }

    @GetMapping("/reconciliation")
    ReconciliationJson reconcile() {
        return ReconciliationJson.of(billing.reconcile());
    }
}
