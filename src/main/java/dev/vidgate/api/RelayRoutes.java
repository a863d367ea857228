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
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The two addresses providers (not clients) call, outside {@code /v1} and without a key: a job's callback
 * ({@code POST /relay/callbacks/{token}}, a hint that makes the relay ask the provider at once) and the images
 * handed to providers that fetch them by URL ({@code GET /relay/images/{token}}). The token is the credential.
 */
@RestController
final class RelayRoutes {
    private final UpstreamCallbacks callbacks;
    private final PublicImages images;

    RelayRoutes(UpstreamCallbacks callbacks, PublicImages images) {
        this.callbacks = callbacks;
        this.images = images;
    }

    @PostMapping("/relay/callbacks/{token}")
    Map<String, Object> callback(@PathVariable String token) {
        if (!callbacks.hint(token)) throw unknown("callback");
        return Map.of("received", true);
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
