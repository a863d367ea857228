package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;

/**
 * The parameters a body route takes, and OpenAI's check of the names a client sent: an unknown one answers 400
 * {@code unknown_parameter} {@code Unknown parameter: 'second'.}, a member of an object parameter by its path
 * ({@code 'input_reference.detail'}, from JSON or from the multipart name {@code input_reference[detail]}), unless the
 * operator relaxed the check ({@link ParameterSettings#ignoreUnknown()}). A file uploaded under another name than the
 * route's file parameter, while that one is missing, answers the seed's {@code Missing required parameter:
 * input_reference} either way: the upload was meant as that file, and dropping it would make another video than asked.
 *
 * @param fields  the top-level parameters
 * @param objects the members of the object parameters ({@code input_reference}: {@code image_url}, {@code file_id})
 * @param file    the parameter a misnamed upload is taken for, or {@code null} when the route takes no file
 */
record BodyParameters(Set<String> fields, Map<String, Set<String>> objects, String file) {
    private static final Set<String> IMAGE = Set.of("image_url", "file_id");

    /** {@code POST /v1/videos}: Sora's fields and the optional ones of other providers. */
    static final BodyParameters CREATE = new BodyParameters(
            Set.of("prompt", "model", "seconds", "size", "input_reference", "negative_prompt", "seed", "generate_audio", "last_frame"),
            Map.of("input_reference", IMAGE, "last_frame", IMAGE), "input_reference");

    /** {@code POST /v1/videos/edits}: a prompt and the video, {@code {"id"}} or an uploaded file. */
    static final BodyParameters EDITS = new BodyParameters(Set.of("prompt", "video"), Map.of("video", Set.of("id")), "video");

    /** {@code POST /v1/videos/extensions}: an edit's parameters and the added {@code seconds}. */
    static final BodyParameters EXTENSIONS = new BodyParameters(Set.of("prompt", "seconds", "video"), Map.of("video", Set.of("id")),
            "video");

    /** {@code POST /v1/videos/characters}: a name and the uploaded clip. */
    static final BodyParameters CHARACTERS = new BodyParameters(Set.of("name", "video"), Map.of(), "video");

    /** {@code POST /v1/videos/{id}/remix}: a prompt only. */
    static final BodyParameters REMIX = new BodyParameters(Set.of("prompt"), Map.of(), null);

    BodyParameters {
        fields = Set.copyOf(fields);
        objects = Map.copyOf(objects);
    }

    /** Refuses what {@code body} holds beyond these parameters (see above). */
    void check(RequestBody body, ParameterSettings settings) {
        switch (body) {
            case RequestBody.Json json -> {
                if (!settings.ignoreUnknown()) checkJson(json.root());
            }
            case RequestBody.Form form -> checkForm(form, settings);
        }
    }

    private void checkJson(JsonNode root) {
        for (String name : root.propertyNames()) {
            if (!fields.contains(name)) throw unknown(name);
            Set<String> members = objects.get(name);
            JsonNode value = root.get(name);
            if (members == null || !value.isObject()) continue;
            for (String member : value.propertyNames()) {
                if (!members.contains(member)) throw unknown(name + "." + member);
            }
        }
    }

    private void checkForm(RequestBody.Form form, ParameterSettings settings) {
        if (file != null && form.fields().stream().noneMatch(f -> f.name().equals(file))
                && form.fields().stream().anyMatch(f -> f.looksLikeFile() && !fields.contains(f.name()))) {
            throw missingFile();
        }
        if (settings.ignoreUnknown()) return;
        for (FormField field : form.fields()) {
            String base = field.base();
            if (!fields.contains(base)) throw unknown(base);
            if (base.equals(field.name())) continue;
            String member = field.name().substring(base.length());
            Set<String> members = objects.getOrDefault(base, Set.of());
            String inner = member.length() > 2 && member.endsWith("]") ? member.substring(1, member.length() - 1) : null;
            if (inner == null || !members.contains(inner)) throw unknown(inner == null || inner.contains("[") ? field.name() : base + "." + inner);
        }
    }

    private ApiException missingFile() {
        return ApiException.invalid("Missing required parameter: " + file, file, "missing_required_parameter");
    }

    private static ApiException unknown(String path) {
        String name = ApiException.echo(path, 100);
        return ApiException.invalid("Unknown parameter: '" + name + "'.", name, "unknown_parameter");
    }
}
