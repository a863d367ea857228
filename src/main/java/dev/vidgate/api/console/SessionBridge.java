package dev.vidgate.api.console;

import dev.vidgate.api.Authentication;
import dev.vidgate.api.admin.AdminAuthentication;
import dev.vidgate.common.ApiException;
import dev.vidgate.console.ConsoleSession;
import dev.vidgate.console.ConsoleSessions;
import dev.vidgate.tenancy.Gatekeeper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets the console's pages call {@code /v1} and {@code /admin/v1} with their session cookie instead of a key: a request
 * without a key but with the cookie acts as the key the session was opened with (a tenant's session through the
 * {@link Gatekeeper}, so a key disabled, rotated or over its rate stops working here too; an operator's session as the
 * admin key). Unsafe methods need the session's CSRF token in {@code X-CSRF-Token}. A request that carries a key is
 * left alone: the cookie never adds to a key.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after RequestIdFilter, CrossOrigin and ManagementGuard
final class SessionBridge extends OncePerRequestFilter {
    private final ConsoleSessions sessions;
    private final Gatekeeper gatekeeper;
    private final HandlerExceptionResolver errors;

    SessionBridge(ConsoleSessions sessions, Gatekeeper gatekeeper,
                  @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        this.sessions = sessions;
        this.gatekeeper = gatekeeper;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        boolean bridged = path.startsWith("/v1/") || path.startsWith("/admin/v1/");
        return !bridged || Authentication.secretOf(request) != null || SessionCookie.token(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            ConsoleSession session = sessions.find(SessionCookie.token(request)).orElseThrow(() ->
                    ApiException.unauthorized("Your console session has ended. Sign in again."));
            requireCsrf(request, session);
            if (session.role() == ConsoleSession.Role.OPERATOR) {
                request.setAttribute(AdminAuthentication.OPERATOR_SESSION, true);
            } else {
                Authentication.actAs(request, gatekeeper.admitHashed(session.keyHash()));
            }
        } catch (ApiException refused) {
            errors.resolveException(request, response, null, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    /** An unsafe request of a session must carry its CSRF token (constant-time comparison). */
    static void requireCsrf(HttpServletRequest request, ConsoleSession session) {
        if (!SessionCookie.isUnsafe(request)) return;
        String sent = request.getHeader(SessionCookie.CSRF_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, "invalid_request_error", "This console request lacks its CSRF token (header "
                    + SessionCookie.CSRF_HEADER + "); reload the console.", null, "csrf_token_invalid", null);
        }
    }
}
