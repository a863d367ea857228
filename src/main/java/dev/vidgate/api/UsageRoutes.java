package dev.vidgate.api;

import dev.vidgate.billing.Billing;
import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.Principal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/usage}: what the caller's key (or, with {@code scope=tenant}, every key of its tenant)
 * was billed per UTC day, model and resolution, and the tenant's balance and limits.
 */
@RestController
final class UsageRoutes {
    private final Billing billing;

    UsageRoutes(Billing billing) {
        this.billing = billing;
    }

    @GetMapping({"/v1/usage", "/openai/v1/usage"})
    UsageJson usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String scope, HttpServletRequest request) {
        Principal who = Authentication.principal(request);
        boolean wholeTenant = switch (scope == null || scope.isEmpty() ? "key" : scope) {
            case "key" -> false;
            case "tenant" -> true;
            default -> throw ApiException.invalid("Invalid 'scope': must be 'key' or 'tenant'.", "scope", "invalid_value");
        };
        var usage = billing.usage(who.tenantId(), wholeTenant ? null : who.keyId(), UsageJson.day(from, "from"), UsageJson.day(to, "to"));
        return UsageJson.of(usage, billing.account(who.tenantId()));
    }
}
