package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.KeyStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Operator routes under {@code /admin/v1}, guarded by the admin key (never by a user key). */
@RestController
@RequestMapping("/admin/v1")
final class AdminRoutes {
    private final KeyStore keys;
    private final ObjectMapper json;
    private final String adminKey;
    private final int defaultConcurrency;

    AdminRoutes(KeyStore keys, ObjectMapper json, ApiSettings settings, KeyDefaults defaults) {
        this.keys = keys;
        this.json = json;
        this.adminKey = settings.adminKey();
        this.defaultConcurrency = defaults.maxConcurrent();
    }

    /** Makes a key; its secret is shown in this answer and never again. */
    @PostMapping("/keys")
    KeyJson createKey(HttpServletRequest request) throws IOException {
        requireAdmin(request);
        JsonNode body = readObject(request);
        String tenant = optionalText(body, "tenant");
        String name = optionalText(body, "name");
        int maxConcurrent = defaultConcurrency;
        JsonNode mc = body.get("max_concurrent");
        if (mc != null && !mc.isNull()) {
            if (!mc.isIntegralNumber() || mc.asLong() < 1 || mc.asLong() > 1000) {
                throw ApiException.invalid("max_concurrent must be an integer from 1 to 1000.", "max_concurrent", "invalid_value");
            }
            maxConcurrent = mc.asInt();
        }
        CreatedKey created = keys.create(new KeySpec(tenant, name, null, maxConcurrent));
        return new KeyJson(created.keyId(), "api_key", created.tenantId(), created.tenantName(), created.name(),
                created.maxConcurrent(), created.secret());
    }

    private void requireAdmin(HttpServletRequest request) {
        AdminAccess.require(request, adminKey);
    }

    private JsonNode readObject(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(64 * 1024);
        if (bytes.length == 0) return json.createObjectNode();
        try {
            JsonNode node = json.readTree(bytes);
            if (node != null && node.isObject()) return node;
        } catch (JacksonException ignored) {
            // answered below
        }
        throw ApiException.invalid("The body must be a JSON object.", null, "invalid_json");
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isString() || node.asString().isBlank() || node.asString().length() > 200) {
            throw ApiException.invalid(field + " must be a non-empty string of at most 200 characters.", field, "invalid_value");
        }
        return node.asString().trim();
    }

    record KeyJson(String id, String object, @JsonProperty("tenant_id") String tenantId, String tenant, String name,
                   @JsonProperty("max_concurrent") int maxConcurrent, String secret) {}

    /** Defaults for keys made without explicit limits. */
    record KeyDefaults(int maxConcurrent) {}
}
