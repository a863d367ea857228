package dev.vidgate.engine.relay.fal;

import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.Format;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;

/**
 * The input of a fal queue request for a Sora-shaped submission, as Pika 2.2's schema on fal names it (and most fal
 * video models share): {@code prompt}, {@code negative_prompt} and {@code seed} when the client gave them,
 * {@code resolution} ({@code 720p}), {@code duration} in whole seconds (a JSON integer), {@code aspect_ratio} for text to
 * video only (an image-to-video model follows its image), and the reference as {@code image_url}, a {@code data:} URI
 * (fal's queue takes data URIs wherever it takes a file URL). {@code generate_audio} goes only to a model whose audio is
 * optional. A last frame is refused: the models listed take none, and the field's name differs from model to model.
 */
final class FalRequests {
    private FalRequests() {}

    /** The model path this submission goes to: the channel's image model when there is a reference and one is set. */
    static String modelPath(Submission submission, String imageModel) {
        return submission.reference() != null && imageModel != null ? imageModel : submission.upstreamModel();
    }

    static ObjectNode body(ObjectMapper json, Submission submission) throws UpstreamException {
        GenerationRequest request = submission.request();
        GenerationRequest.Options options = request.options();
        if (options.lastFrame() != null) {
            throw new UpstreamException(Kind.REJECTED, "This channel's fal model takes no last frame image.");
        }
        ObjectNode body = json.createObjectNode().put("prompt", request.prompt());
        if (options.negativePrompt() != null) body.put("negative_prompt", options.negativePrompt());
        if (options.seed() != null) body.put("seed", options.seed());
        Format format = submission.formatOrDerived();
        if (submission.reference() != null) {
            body.put("image_url", dataUri(submission.reference()));
        } else {
            body.put("aspect_ratio", format.aspectRatio());
        }
        body.put("resolution", format.resolution()).put("duration", request.seconds());
        if (options.generateAudio() != null && submission.model() != null && submission.model().can().audio() == Audio.OPTIONAL) {
            body.put("generate_audio", options.generateAudio());
        }
        return body;
    }

    private static String dataUri(byte[] image) throws UpstreamException {
        ImageFormat format = ImageFormat.detect(image).orElseThrow(() -> new UpstreamException(Kind.REJECTED,
                "The reference image is not a JPEG, PNG or WebP image."));
        return "data:" + format.mediaType() + ";base64," + Base64.getEncoder().encodeToString(image);
    }
}
