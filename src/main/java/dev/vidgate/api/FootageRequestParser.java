package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.video.FootageRequest;
import dev.vidgate.video.VideoErrors;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an edit or extension body into a {@link FootageRequest}: JSON {@code {prompt, seconds, video: {id}}}, or a form
 * (multipart or urlencoded, {@link RequestBody}) with the fields {@code prompt}, {@code seconds}, {@code video[id]} or,
 * multipart only, the file part {@code video} (what the official SDKs send). The names are checked by
 * {@link BodyParameters#EDITS} and {@link BodyParameters#EXTENSIONS}; only the shape is checked here, the values are
 * {@code VideoEdits}' business.
 */
final class FootageRequestParser {
    private final ObjectMapper json;
    private final ParameterSettings parameters;

    FootageRequestParser(ObjectMapper json, ParameterSettings parameters) {
        this.json = json;
        this.parameters = parameters;
    }

    FootageRequest edit(HttpServletRequest request) {
        return parse(request, BodyParameters.EDITS);
    }

    FootageRequest extension(HttpServletRequest request) {
        return parse(request, BodyParameters.EXTENSIONS);
    }

    private FootageRequest parse(HttpServletRequest request, BodyParameters names) {
        String idempotencyKey = CreateRequestParser.idempotencyKey(request);
        RequestBody body = RequestBody.read(request, json);
        names.check(body, parameters);
        return switch (body) {
            case RequestBody.Json j -> json(j.root(), idempotencyKey);
            case RequestBody.Form form -> form(form, idempotencyKey);
        };
    }

    private static FootageRequest json(JsonNode root, String idempotencyKey) {
        JsonNode video = root.get("video");
        String videoId = null;
        if (video != null && !video.isNull()) {
            if (!video.isObject()) throw VideoErrors.wrongType("video", "an object like {\"id\": \"video_...\"}", "something else");
            videoId = text(video, "id", "video.id");
        }
        return new FootageRequest(text(root, "prompt", "prompt"), text(root, "seconds", "seconds"), videoId, null, idempotencyKey);
    }

    private static String text(JsonNode parent, String field, String param) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isString()) throw VideoErrors.wrongType(param, "a string", node.isNumber() ? "a number" : "another type");
        return field.equals("prompt") ? TextFields.multiline(node.asString(), param) : TextFields.singleLine(node.asString(), param);
    }

    private static FootageRequest form(RequestBody.Form form, String idempotencyKey) {
        String prompt = null, seconds = null, videoId = null;
        byte[] upload = null;
        for (FormField field : form.fields()) {
            switch (field.name()) {
                case "prompt" -> prompt = prompt != null ? prompt : TextFields.multiline(field.text(), "prompt");
                case "seconds" -> seconds = seconds != null ? seconds : TextFields.singleLine(field.text(), "seconds");
                case "video[id]" -> videoId = videoId != null ? videoId : TextFields.singleLine(field.text(), "video.id");
                case "video" -> upload = oneUpload(upload, field);
                default -> { } // refused by BodyParameters, or ignored when the operator relaxed that
            }
        }
        return new FootageRequest(prompt, seconds == null ? null : seconds.trim(), videoId == null ? null : videoId.trim(), upload,
                idempotencyKey);
    }

    /** The one {@code video} file of a form: a second is refused, and an urlencoded form cannot carry one. */
    static byte[] oneUpload(byte[] already, FormField field) {
        if (already != null) throw ApiException.invalid("Only one video file is allowed", "video", "invalid_value");
        if (!field.isPart()) {
            throw ApiException.invalid("Invalid type for 'video': expected a file (multipart/form-data) or an object like "
                    + "{\"id\": \"video_...\"}, but got a string instead.", "video", "invalid_type");
        }
        return field.file("video");
    }
}
