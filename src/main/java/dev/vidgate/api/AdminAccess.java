package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.Secrets;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The admin key check shared by every {@code /admin/v1} route. */
final class AdminAccess {
    private AdminAccess() {}

    /** Throws 403 when the admin API is disabled, 401 unless the request carries the admin key. */
    static void require(HttpServletRequest request, String adminKey) {
        if (adminKey == null) {
            throw new ApiException(403, "invalid_request_error",
                    "The admin API is disabled; set VIDGATE_ADMIN_KEY to enable it.", null, "admin_disabled", null);
        }
        String secret = Authentication.secretOf(request);
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), adminKey.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("Incorrect admin key provided" + (secret == null ? "." : ": "
                    + Secrets.mask(secret) + ". The admin API takes only the admin key."));
        }
    }
}
