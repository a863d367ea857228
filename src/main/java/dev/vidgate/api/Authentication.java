package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.Gatekeeper;
import dev.vidgate.tenancy.Principal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves the caller of every {@code /v1} request from {@code Authorization: Bearer <key>} or
 * {@code api-key: <key>}, lets the {@link Gatekeeper} admit it (the client address not throttled for wrong
 * keys; the key enabled, not expired, within its rate), and stores it as a request attribute for the routes.
 */
public final class Authentication implements HandlerInterceptor {
    static final String PRINCIPAL = Authentication.class.getName() + ".principal";

    private final Gatekeeper gatekeeper;

    Authentication(Gatekeeper gatekeeper) {
        this.gatekeeper = gatekeeper;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(PRINCIPAL) != null) return true; // a console session, admitted by its bridge
        String secret = secretOf(request);
        if (secret == null) {
            throw ApiException.unauthorized("You didn't provide an API key. You need to provide your API key in an "
                    + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
        request.setAttribute(PRINCIPAL, gatekeeper.admit(secret, request.getRemoteAddr()));
        return true;
    }

    /** The secret a request carries, from {@code Authorization: Bearer} or {@code api-key}; null when none. */
    public static String secretOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String trimmed = authorization.trim();
            if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String secret = trimmed.substring(7).trim();
                return secret.isEmpty() ? null : secret;
            }
        }
        String apiKey = request.getHeader("api-key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }

    /** Lets a request act as {@code principal}, already admitted (the web console's session bridge). */
    public static void actAs(HttpServletRequest request, Principal principal) {
        request.setAttribute(PRINCIPAL, principal);
    }

    static Principal principal(HttpServletRequest request) {
        return (Principal) request.getAttribute(PRINCIPAL);
    }
}
