package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.character.Character;
import dev.vidgate.character.Characters;
import dev.vidgate.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.util.Locale;

/** Characters (SPEC section 8): multipart {@code video} (a clip) and {@code name} in, {@code {id, name, created_at}} out. */
@RestController
@RequestMapping({"/v1/videos/characters", "/openai/v1/videos/characters"})
final class CharacterRoutes {
    private final Characters characters;
    private final ObjectMapper json;
    private final ParameterSettings parameters;

    CharacterRoutes(Characters characters, ObjectMapper json, ParameterSettings parameters) {
        this.characters = characters;
        this.json = json;
        this.parameters = parameters;
    }

    @PostMapping
    CharacterJson create(HttpServletRequest request) {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("multipart/form-data")) {
            throw ApiException.invalid("Characters are created from multipart/form-data with the parts video (a file) and name.",
                    null, "unsupported_content_type");
        }
        RequestBody.Form form = (RequestBody.Form) RequestBody.read(request, json);
        BodyParameters.CHARACTERS.check(form, parameters);
        String name = null;
        byte[] video = null;
        for (FormField field : form.fields()) {
            switch (field.name()) {
                case "name" -> name = name != null ? name : TextFields.singleLine(field.text(), "name");
                case "video" -> video = FootageRequestParser.oneUpload(video, field);
                default -> { }
            }
        }
        return CharacterJson.of(characters.create(Authentication.principal(request), name, video));
    }

    @GetMapping("/{id}")
    CharacterJson retrieve(@PathVariable String id, HttpServletRequest request) {
        return CharacterJson.of(characters.get(Authentication.principal(request), id));
    }

    record CharacterJson(String id, String name, @JsonProperty("created_at") long createdAt) {
        static CharacterJson of(Character c) {
            return new CharacterJson(c.id(), c.name(), c.createdAt().getEpochSecond());
        }
    }
}
