package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.video.FootageRequest;
import dev.vidgate.video.VideoErrors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an edit or extension body into a {@link FootageRequest}: JSON {@code {prompt, seconds, video: {id}}}, or
 * multipart with the text parts {@code prompt}, {@code seconds}, {@code video[id]} or the file part {@code video} (what
 * the official SDKs send). Only the shape is checked here, with the create parser's helpers; the values are
 * {@code VideoEdits}' business.
 */
final class FootageRequestParser {
    private final ObjectMapper json;

    FootageRequestParser(ObjectMapper json) {
        this.json = json;
    }

    FootageRequest parse(HttpServletRequest request) {
        String idempotencyKey = CreateRequestParser.idempotencyKey(request);
        return switch (BodyKind.of(request)) {
            case MULTIPART -> multipart(request, idempotencyKey);
            case JSON -> json(request, idempotencyKey);
        };
    }

    private FootageRequest json(HttpServletRequest request, String idempotencyKey) {
        JsonNode root;
        try {
            root = json.readTree(CreateRequestParser.readBody(request));
        } catch (JacksonException e) {
            throw ApiException.invalid("We could not parse the JSON body of your request.", null, "invalid_json");
        }
        if (root == null || !root.isObject()) throw ApiException.invalid("The JSON body must be an object.", null, "invalid_json");
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

    private FootageRequest multipart(HttpServletRequest request, String idempotencyKey) {
        String prompt = null, seconds = null, videoId = null;
        byte[] upload = null;
        try {
            for (Part part : request.getParts()) {
                String name = part.getName() == null ? "" : part.getName();
                switch (name) {
                    case "prompt" -> prompt = prompt != null ? prompt : CreateRequestParser.readText(part);
                    case "seconds" -> seconds = seconds != null ? seconds : CreateRequestParser.readText(part);
                    case "video[id]" -> videoId = videoId != null ? videoId : CreateRequestParser.readText(part);
                    case "video" -> {
                        if (upload != null) throw ApiException.invalid("Only one video file is allowed", "video", "invalid_value");
                        upload = readFile(part);
                    }
                    default -> { } // unknown fields are ignored, as for create
                }
            }
        } catch (IOException | ServletException | IllegalStateException | MultipartException e) {
            throw CreateRequestParser.multipartFailure(e);
        }
        return new FootageRequest(prompt, seconds == null ? null : seconds.trim(), videoId == null ? null : videoId.trim(), upload,
                idempotencyKey);
    }

    static byte[] readFile(Part part) throws IOException {
        if (part.getSize() > RequestLimits.MAX_FILE_BYTES) {
            throw ApiException.tooLarge("video is larger than the " + RequestLimits.describe(RequestLimits.MAX_FILE_BYTES) + " limit", "video");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
