package dev.vidgate.engine.relay.openrouter;

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
 * The body of OpenRouter's {@code POST /videos} for a Sora-shaped submission: {@code model}, {@code prompt},
 * {@code duration} (whole seconds), {@code resolution} and {@code aspect_ratio} from the size, the reference and a last
 * frame as {@code frame_images} (inline {@code data:} URIs with {@code frame_type} {@code first_frame} /
 * {@code last_frame}), {@code seed} when the client gave one, {@code generate_audio} when it did and the model's sound
 * is optional (or the catalog does not know the model), and {@code callback_url} when
 * this gateway has a public address. OpenRouter's body has no negative prompt: one given is not sent.
 */
final class OpenRouterRequests {
    private OpenRouterRequests() {}

    static ObjectNode body(ObjectMapper json, Submission submission) throws UpstreamException {
        GenerationRequest request = submission.request();
        GenerationRequest.Options options = request.options();
        Format format = submission.formatOrDerived();
        ObjectNode body = json.createObjectNode().put("model", submission.upstreamModel()).put("prompt", request.prompt())
                .put("duration", request.seconds()).put("resolution", format.resolution()).put("aspect_ratio", format.aspectRatio());
        if (options.generateAudio() != null && soundIsOptional(submission)) body.put("generate_audio", options.generateAudio());
        if (options.seed() != null) body.put("seed", options.seed());
        if (submission.reference() != null || options.lastFrame() != null) {
            ArrayNode frames = body.putArray("frame_images");
            if (submission.reference() != null) frame(frames, submission.reference(), "first_frame");
            if (options.lastFrame() != null) frame(frames, options.lastFrame(), "last_frame");
        }
        if (submission.callbackUrl() != null) body.put("callback_url", submission.callbackUrl());
        return body;
    }

    /** A model the catalog lists without a sound switch gets none; one it does not know gets the client's wish. */
    private static boolean soundIsOptional(Submission submission) {
        return submission.model() == null || submission.model().can().audio() == Audio.OPTIONAL;
    }

    private static void frame(ArrayNode frames, byte[] image, String type) throws UpstreamException {
        ImageFormat format = ImageFormat.detect(image).orElseThrow(() -> new UpstreamException(UpstreamException.Kind.REJECTED,
                "The " + type.replace('_', ' ') + " image is not a JPEG, PNG or WebP image."));
        ObjectNode frame = frames.addObject().put("type", "image_url");
        frame.putObject("image_url").put("url", "data:" + format.mediaType() + ";base64," + Base64.getEncoder().encodeToString(image));
        frame.put("frame_type", type);
    }
}
