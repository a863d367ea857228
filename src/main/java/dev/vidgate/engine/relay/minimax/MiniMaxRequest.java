package dev.vidgate.engine.relay.minimax;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The create bodies. v1 (Hailuo): {@code model, prompt, duration, resolution} ("768P", "1080P"), the frames inline as
 * {@code data:} URIs in {@code first_frame_image} and {@code last_frame_image}, {@code callback_url}. v2 (H3): the
 * prompt and frames as {@code content[]} items (frames with the roles {@code first_frame} and {@code last_frame}),
 * {@code resolution} ("768P", "2K"), {@code duration}, and the {@code ratio} a text-only job must name. MiniMax takes no
 * negative prompt or seed; they are not sent.
 */
final class MiniMaxRequest {
    private MiniMaxRequest() {}

    /** Whether {@code model} is served by the v2 API. */
    static boolean v2(String model) {
        return model.startsWith("MiniMax-H") && !model.startsWith("MiniMax-Hailuo");
    }

    static ObjectNode v1(ObjectMapper json, Submission submission) {
        GenerationRequest request = submission.request();
        ObjectNode body = json.createObjectNode()
                .put("model", submission.upstreamModel())
                .put("prompt", request.prompt())
                .put("duration", request.seconds())
                .put("resolution", tier(submission));
        if (submission.reference() != null) body.put("first_frame_image", ImageFormat.dataUri(submission.reference()));
        if (request.options().lastFrame() != null) body.put("last_frame_image", ImageFormat.dataUri(request.options().lastFrame()));
        if (submission.callbackUrl() != null) body.put("callback_url", submission.callbackUrl());
        return body;
    }

    static ObjectNode v2(ObjectMapper json, Submission submission) {
        GenerationRequest request = submission.request();
        ObjectNode body = json.createObjectNode().put("model", submission.upstreamModel());
        ArrayNode content = body.putArray("content");
        content.addObject().put("type", "text").put("text", request.prompt());
        if (submission.reference() != null) frame(content, submission.reference(), "first_frame");
        if (request.options().lastFrame() != null) frame(content, request.options().lastFrame(), "last_frame");
        body.put("resolution", tier(submission)).put("duration", request.seconds());
        if (submission.reference() == null) body.put("ratio", submission.formatOrDerived().aspectRatio());
        if (submission.callbackUrl() != null) body.put("callback_url", submission.callbackUrl());
        return body;
    }

    private static void frame(ArrayNode content, byte[] image, String role) {
        ObjectNode item = content.addObject().put("type", "image_url");
        item.putObject("image_url").put("url", ImageFormat.dataUri(image));
        item.put("role", role);
    }

    /** The catalog's tier as MiniMax writes it: {@code 768p} is "768P", {@code 2k} is "2K". */
    private static String tier(Submission submission) {
        return submission.formatOrDerived().resolution().toUpperCase(Locale.ROOT);
    }
}
