package dev.vidgate.engine.relay.kling;

import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.Format;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.media.EncodedImage;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.media.UnreadableImageException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/**
 * Translates a Sora-shaped create into Kling's body: {@code model_name}, {@code prompt}, {@code negative_prompt},
 * {@code mode} ({@code std} makes 720p, {@code pro} 1080p: from the catalog format's resolution tier), {@code duration}
 * as a string, {@code aspect_ratio} (text to video only: an image-to-video clip takes the image's), {@code sound} where
 * the model's audio is optional and the client said, and the first and last frames as raw base64 ({@code image},
 * {@code image_tail}; Kling reads JPEG and PNG, so a WebP is sent as PNG), and {@code callback_url} when the gateway
 * has a public address (Kling posts the task's state there when it changes). Kling has no seed: it is not sent.
 */
final class KlingRequest {
    private static final long MAX_PIXELS = 64L * 1024 * 1024;
    private static final int MAX_SIDE = 16_384;

    private KlingRequest() {}

    /** The task route a submission goes to: image to video when it carries a first or a last frame. */
    static KlingRoute route(Submission submission) {
        return submission.reference() != null || submission.request().options().hasLastFrame()
                ? KlingRoute.IMAGE_TO_VIDEO : KlingRoute.TEXT_TO_VIDEO;
    }

    static ObjectNode body(Submission submission, ObjectMapper json) throws UpstreamException {
        GenerationRequest request = submission.request();
        GenerationRequest.Options options = request.options();
        Format format = submission.formatOrDerived();
        ObjectNode body = json.createObjectNode()
                .put("model_name", submission.upstreamModel())
                .put("prompt", request.prompt());
        if (options.negativePrompt() != null && !options.negativePrompt().isBlank()) {
            body.put("negative_prompt", options.negativePrompt());
        }
        body.put("mode", mode(format.resolution()));
        body.put("duration", Integer.toString(request.seconds()));
        if (route(submission) == KlingRoute.TEXT_TO_VIDEO) body.put("aspect_ratio", format.aspectRatio());
        boolean optionalAudio = submission.model() != null && submission.model().can().audio() == Audio.OPTIONAL;
        if (optionalAudio && options.generateAudio() != null) body.put("sound", options.generateAudio() ? "on" : "off");
        if (submission.reference() != null) body.put("image", base64(submission.reference(), "first frame"));
        if (options.hasLastFrame()) body.put("image_tail", base64(options.lastFrame(), "last frame"));
        if (submission.callbackUrl() != null) body.put("callback_url", submission.callbackUrl());
        return body;
    }

    /** {@code pro} for 1080p and above, {@code std} below. */
    static String mode(String tier) {
        String digits = tier.replaceAll("[^0-9]", "");
        boolean k = tier.endsWith("k");
        int lines = digits.isEmpty() ? 0 : Integer.parseInt(digits) * (k ? 1000 : 1);
        return lines >= 1080 ? "pro" : "std";
    }

    /** Raw base64 (no {@code data:} prefix) of a JPEG or PNG; a WebP is re-encoded as PNG first. */
    private static String base64(byte[] image, String what) throws UpstreamException {
        byte[] sent = image;
        if (ImageFormat.detect(image).orElse(null) == ImageFormat.WEBP) {
            try {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(EncodedImage.open(image, MAX_PIXELS, MAX_SIDE).decode(), "png", png);
                sent = png.toByteArray();
            } catch (IOException | UnreadableImageException e) {
                throw new UpstreamException(UpstreamException.Kind.REJECTED, "The " + what
                        + " image could not be converted to PNG, which Kling needs instead of WebP.");
            }
        }
        return Base64.getEncoder().encodeToString(sent);
    }
}
