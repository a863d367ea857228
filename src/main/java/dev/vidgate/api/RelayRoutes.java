package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.engine.UpstreamCallbacks;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.storage.PublicImages;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two addresses providers (not clients) call, outside {@code /v1} and without a key: a job's callback
 * ({@code POST /relay/callbacks/{token}}, a hint that makes the relay ask the provider at once) and the images
 * handed to providers that fetch them by URL ({@code GET /relay/images/{token}}). The token is the credential.
 */
@RestController
final class RelayRoutes {
    /** The shape of the tokens the relay hands out (24 random bytes, base64url). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");

    private final UpstreamCallbacks callbacks;
    private final PublicImages images;
    private final ObjectMapper json;

    RelayRoutes(UpstreamCallbacks callbacks, PublicImages images, ObjectMapper json) {
        this.callbacks = callbacks;
        this.images = images;
        this.json = json;
    }

    /**
     * A provider's call. A body carrying {@code challenge} is a verification handshake (MiniMax sends one when it is
     * first given the URL, possibly before the job is known here): the challenge is echoed and nothing else happens.
     * Any other body is not read: the provider's own status decides.
     */
    @PostMapping("/relay/callbacks/{token}")
    Map<String, Object> callback(@PathVariable String token, @RequestBody(required = false) byte[] body) {
        String challenge = challengeIn(body);
        if (challenge != null && TOKEN.matcher(token).matches()) return Map.of("challenge", challenge);
        if (!callbacks.hint(token)) throw unknown("callback");
        return Map.of("received", true);
    }

    private String challengeIn(byte[] body) {
        if (body == null || body.length == 0 || body.length > 64 * 1024) return null;
        try {
            JsonNode node = json.readTree(body);
            JsonNode challenge = node == null ? null : node.get("challenge");
            return challenge != null && challenge.isString() && challenge.asString().length() <= 1000 ? challenge.asString() : null;
        } catch (JacksonException e) {
            return null; // not JSON: a plain callback
        }
    }

    @GetMapping("/relay/images/{token}")
    ResponseEntity<byte[]> image(@PathVariable String token) {
        byte[] image = images.read(token).orElseThrow(() -> unknown("image"));
        String type = ImageFormat.detect(image).map(ImageFormat::mediaType).orElse("application/octet-stream");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).cacheControl(CacheControl.noStore()).body(image);
    }

    /** One answer for unknown, expired and forged tokens alike: nothing tells them apart. */
    private static ApiException unknown(String what) {
        return new ApiException(404, "invalid_request_error", "No such " + what + ", or it has expired.", null, "not_found", null);
    }
}
