package dev.vidgate.api.admin;

import dev.vidgate.api.ApiSettings;
import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.WrongKeyThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;

/**
 * Guards the actuator endpoints on the API port other than health ({@code /actuator/prometheus},
 * {@code /actuator/metrics}): only the admin key passes, as on {@code /admin/v1}, and a refusal is an OpenAI error
 * envelope. Health stays open, for load balancers. Without an admin key these endpoints are refused on the API port;
 * a separate {@code management.server.port} serves them instead, guarded by its bind address (docs/operations.md).
 */
@Component
@ConditionalOnWebApplication // a node without the api role has no MVC (and no port) to guard
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after RequestIdFilter and CrossOrigin
final class ManagementGuard extends OncePerRequestFilter {
    private final AdminAuthentication adminKey;
    private final boolean enabled;
    private final HandlerExceptionResolver errors;
    private final String base;

    ManagementGuard(ApiSettings settings, WrongKeyThrottle wrongKeys,
                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
                    @Value("${management.endpoints.web.base-path:/actuator}") String base) {
        this.adminKey = new AdminAuthentication(settings.adminKey(), wrongKeys);
        this.enabled = settings.adminKey() != null;
        this.errors = errors;
        this.base = base;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The servlet path is decoded and normalised: /actuator/health/../prometheus is /actuator/prometheus here.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean management = path.equals(base) || path.startsWith(base + "/");
        boolean health = path.equals(base + "/health") || path.startsWith(base + "/health/");
        return !management || health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (!enabled) {
                throw new ApiException(403, "invalid_request_error", "The management endpoints take the admin key; set "
                        + "VIDGATE_ADMIN_KEY, or serve them on a separate MANAGEMENT_SERVER_PORT.", null, "admin_disabled", null);
            }
            adminKey.preHandle(request, response, null);
        } catch (ApiException refused) {
            // Rendered by the API's one error mapping, as any refusal of a route is.
            errors.resolveException(request, response, null, refused);
            return;
        }
        chain.doFilter(request, response);
    }
}
