package dev.vidgate.tenancy;

import dev.vidgate.common.ApiException;

/** The client errors of tenant and key administration and of key checks. */
public final class TenancyErrors {
    private TenancyErrors() {}

    public static ApiException tenantNotFound(String idOrName) {
        return new ApiException(404, "invalid_request_error", "No tenant found with id or name '" + clip(idOrName) + "'.",
                "tenant", "tenant_not_found", null);
    }

    public static ApiException keyNotFound(String keyId) {
        return new ApiException(404, "invalid_request_error", "No API key found with id '" + clip(keyId) + "'.",
                "key_id", "key_not_found", null);
    }

    /** 403: the key's allow-list does not name the model. */
    public static ApiException modelNotAllowed(Principal who, String model) {
        return new ApiException(403, "invalid_request_error", "This API key is not allowed to use the model '" + clip(model)
                + "'. It may use: " + String.join(", ", new java.util.TreeSet<>(who.allowedModels())) + ".",
                "model", "model_not_allowed", null);
    }

    public static ApiException invalid(String field, String message) {
        return ApiException.invalid(message, field, "invalid_value");
    }

    static ApiException rejected(String message) {
        return ApiException.unauthorized(message);
    }

    /** Echoes user input in messages only in a bounded, printable form. */
    public static String clip(String s) {
        return ApiException.echo(s, 64);
    }
}
