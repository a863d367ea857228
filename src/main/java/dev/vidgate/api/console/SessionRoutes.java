package dev.vidgate.api.console;

import dev.vidgate.api.ApiSettings;
import dev.vidgate.common.ApiException;
import dev.vidgate.console.ConsoleSession;
import dev.vidgate.console.ConsoleSessions;
import dev.vidgate.tenancy.Gatekeeper;
import dev.vidgate.tenancy.Secrets;
import dev.vidgate.tenancy.WrongKeyThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code /console/session}: sign in by exchanging a key (in a JSON body, never a URL) for the session cookie, read
 * the session (its role and CSRF token, for the pages), sign out (the session ends on the server).
 */
@RestController
@RequestMapping("/console/session")
final class SessionRoutes {
    private final ConsoleSessions sessions;
    private final Gatekeeper gatekeeper;
    private final WrongKeyThrottle wrongKeys;
    private final byte[] adminKey;
    private final ObjectMapper json;

    SessionRoutes(ConsoleSessions sessions, Gatekeeper gatekeeper, WrongKeyThrottle wrongKeys, ApiSettings settings, ObjectMapper json) {
        this.sessions = sessions;
        this.gatekeeper = gatekeeper;
        this.wrongKeys = wrongKeys;
        this.adminKey = settings.adminKey() == null ? null : settings.adminKey().getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    /** {@code {"key": "..."}}: an API key opens a tenant's session, the admin key the operator's. */
    @PostMapping
    Map<String, Object> signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiException.invalid("Sign in with a JSON body {\"key\": \"...\"}.", null, "invalid_content_type");
        }
        JsonNode body = json.readTree(request.getInputStream());
        JsonNode key = body == null ? null : body.get("key");
        if (key == null || !key.isString() || key.asString().isBlank()) {
            throw ApiException.invalid("Missing required parameter: key.", "key", "missing_required_parameter");
        }
        String secret = key.asString().trim();
        ConsoleSessions.Opened opened;
        if (adminKey != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), adminKey)) {
            wrongKeys.refuseIfBlocked(request.getRemoteAddr());
            opened = sessions.open(ConsoleSession.Role.OPERATOR, null);
        } else {
            gatekeeper.admit(secret, request.getRemoteAddr());
            opened = sessions.open(ConsoleSession.Role.TENANT, Secrets.hash(secret));
        }
        SessionCookie.set(request, response, opened.token(), sessions.ttl());
        return describe(opened.session());
    }

    @GetMapping
    Map<String, Object> current(HttpServletRequest request) {
        return describe(live(request));
    }

    @DeleteMapping
    Map<String, Object> signOut(HttpServletRequest request, HttpServletResponse response) {
        SessionBridge.requireCsrf(request, live(request));
        sessions.close(SessionCookie.token(request));
        SessionCookie.clear(request, response);
        return Map.of("object", "console.session", "signed_in", false);
    }

    private ConsoleSession live(HttpServletRequest request) {
        return sessions.find(SessionCookie.token(request)).orElseThrow(() -> ApiException.unauthorized("You are not signed in to the console."));
    }

    private static Map<String, Object> describe(ConsoleSession s) {
        return Map.of("object", "console.session", "signed_in", true, "role", s.role().wireName(),
                "csrf_token", s.csrfToken(), "expires_at", s.expiresAt().getEpochSecond());
    }
}
