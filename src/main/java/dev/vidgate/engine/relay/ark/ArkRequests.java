package dev.vidgate.engine.relay.ark;

import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.Format;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;

/**
 * The body of Ark's create ({@code POST /contents/generations/tasks}) for a Sora-shaped submission: the prompt as the
 * {@code text} item of {@code content}, the reference and last frame inline as {@code data:} URIs with the roles
 * {@code first_frame} and {@code last_frame}, the size as {@code ratio} and {@code resolution}, {@code duration} in
 * whole seconds (a JSON integer), and {@code watermark: false}. A seed goes as {@code seed}; {@code generate_audio}
 * only to a model whose audio is optional; {@code callback_url} when the gateway has a public address (Ark posts the
 * task there when its status changes). Seedance has no negative prompt: one given is not sent.
 */
final class ArkRequests {
    private ArkRequests() {}

    static ObjectNode body(ObjectMapper json, Submission submission) throws UpstreamException {
        GenerationRequest request = submission.request();
        GenerationRequest.Options options = request.options();
        ObjectNode body = json.createObjectNode().put("model", submission.upstreamModel());
        ArrayNode content = body.putArray("content");
        content.addObject().put("type", "text").put("text", request.prompt());
        if (submission.reference() != null) image(content, submission.reference(), "first_frame");
        if (options.lastFrame() != null) image(content, options.lastFrame(), "last_frame");
        Format format = submission.formatOrDerived();
        body.put("ratio", format.aspectRatio()).put("resolution", format.resolution()).put("duration", request.seconds());
        if (options.seed() != null) body.put("seed", options.seed());
        if (options.generateAudio() != null && audioIsOptional(submission)) body.put("generate_audio", options.generateAudio());
        if (submission.callbackUrl() != null) body.put("callback_url", submission.callbackUrl());
        return body.put("watermark", false);
    }

    private static boolean audioIsOptional(Submission submission) {
        return submission.model() != null && submission.model().can().audio() == Audio.OPTIONAL;
    }

    private static void image(ArrayNode content, byte[] image, String role) throws UpstreamException {
        ImageFormat format = ImageFormat.detect(image).orElseThrow(() -> new UpstreamException(UpstreamException.Kind.REJECTED,
                "The " + role.replace('_', ' ') + " image is not a JPEG, PNG or WebP image."));
        String uri = "data:" + format.mediaType() + ";base64," + Base64.getEncoder().encodeToString(image);
        ObjectNode item = content.addObject().put("type", "image_url");
        item.putObject("image_url").put("url", uri);
        item.put("role", role);
    }
}
