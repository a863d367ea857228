package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.CachingAuthenticator;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.tenancy.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves the caller of every {@code /v1} request from {@code Authorization: Bearer <key>} or
 * {@code api-key: <key>} and stores it as a request attribute for the routes.
 */
final class Authentication implements HandlerInterceptor {
    static final String PRINCIPAL = Authentication.class.getName() + ".principal";

    private final CachingAuthenticator authenticator;

    Authentication(CachingAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String secret = secretOf(request);
        if (secret == null) {
            throw ApiException.unauthorized("You didn't provide an API key. You need to provide your API key in an "
                    + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
        Principal principal = authenticator.authenticate(secret)
                .orElseThrow(() -> ApiException.unauthorized("Incorrect API key provided: " + Secrets.mask(secret)
                        + ". Check the key, or ask the operator of this Vidgate server for one."));
        request.setAttribute(PRINCIPAL, principal);
        return true;
    }

    static String secretOf(HttpServletRequest request) {
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

    static Principal principal(HttpServletRequest request) {
        return (Principal) request.getAttribute(PRINCIPAL);
    }
}
