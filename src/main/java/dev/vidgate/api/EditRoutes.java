package dev.vidgate.api;

import dev.vidgate.video.VideoEdits;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Edits and extensions of videos (SPEC section 8), under {@code /v1/videos} and {@code /openai/v1/videos}. */
@RestController
@RequestMapping({"/v1/videos", "/openai/v1/videos"})
final class EditRoutes {
    private final VideoEdits edits;
    private final FootageRequestParser parser;

    EditRoutes(VideoEdits edits, ObjectMapper json, ParameterSettings parameters) {
        this.edits = edits;
        this.parser = new FootageRequestParser(json, parameters);
    }

    @PostMapping("/edits")
    VideoJson edit(HttpServletRequest request) {
        return VideoJson.of(edits.edit(Authentication.principal(request), parser.edit(request)));
    }

    @PostMapping("/extensions")
    VideoJson extend(HttpServletRequest request) {
        return VideoJson.of(edits.extend(Authentication.principal(request), parser.extension(request)));
    }
}
