package dev.vidgate.api.admin;

import dev.vidgate.api.Authentication;
import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.Secrets;
import dev.vidgate.tenancy.WrongKeyThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards {@code /admin/v1}: only the admin key passes (compared in constant time); user keys never do,
 * just as the admin key is never accepted on {@code /v1}. Without a configured admin key the admin API
 * is off. Wrong admin keys are throttled per client address like wrong user keys ({@link WrongKeyThrottle}).
 */
public final class AdminAuthentication implements HandlerInterceptor {
    /** Set by the web console's session bridge on a request of an operator's session (opened with the admin key). */
    public static final String OPERATOR_SESSION = AdminAuthentication.class.getName() + ".operatorSession";

    private final byte[] adminKey;
    private final WrongKeyThrottle wrongKeys;

    /**
     * @param adminKey  the admin secret, or null to turn the admin API off
     * @param wrongKeys the same throttle as the user API's: a wrong admin key counts as a wrong key
     */
    public AdminAuthentication(String adminKey, WrongKeyThrottle wrongKeys) {
        this.adminKey = adminKey == null ? null : adminKey.getBytes(StandardCharsets.UTF_8);
        this.wrongKeys = wrongKeys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (adminKey == null) {
            throw new ApiException(403, "invalid_request_error",
                    "The admin API is disabled; set VIDGATE_ADMIN_KEY to enable it.", null, "admin_disabled", null);
        }
        if (Boolean.TRUE.equals(request.getAttribute(OPERATOR_SESSION))) return true;
        String secret = Authentication.secretOf(request);
        if (secret != null) wrongKeys.refuseIfBlocked(request.getRemoteAddr());
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), adminKey)) {
            if (secret != null) wrongKeys.recordFailure(request.getRemoteAddr());
            throw ApiException.unauthorized("Incorrect admin key provided" + (secret == null ? "." : ": "
                    + Secrets.mask(secret) + ". The admin API takes only the admin key."));
        }
        return true;
    }
}
