package dev.vidgate.api;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/** {@code GET /openapi.json}: the OpenAPI 3.1 document of everything this jar serves (a resource kept by hand). */
@RestController
final class OpenApiRoutes {
    private final byte[] document;

    OpenApiRoutes() throws IOException {
        try (InputStream in = new ClassPathResource("openapi.json").getInputStream()) {
            this.document = in.readAllBytes();
        }
    }

    @GetMapping("/openapi.json")
    ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Cache-Control", "no-cache").body(document);
    }
}
