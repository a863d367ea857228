package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.catalog.Audio;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The video-synthesis body of a Sora-shaped submission. Text-to-video models ({@code wan2.5-t2v-preview}) take the
 * exact {@code size} ({@code "1280*720"}); image-to-video models ({@code wan2.2-i2v-plus}) take a {@code resolution}
 * tier ({@code "720P"}) and follow the image's aspect ratio. The first frame goes inline as a {@code data:} URI in
 * {@code img_url}, which DashScope takes besides a public URL, so no public address is needed. Watermarks are off.
 */
final class DashScopeRequest {
    private DashScopeRequest() {}

    static ObjectNode body(ObjectMapper json, Submission submission, Boolean promptExtend) throws UpstreamException {
        GenerationRequest request = submission.request();
        GenerationRequest.Options options = request.options();
        String model = submission.upstreamModel();
        byte[] image = model.contains("t2v") ? null : submission.reference();
        if (image == null && model.contains("i2v")) {
            throw new UpstreamException(Kind.REJECTED, model + " makes a video from an image: send an input_reference.");
        }
        ObjectNode body = json.createObjectNode().put("model", model);
        ObjectNode input = body.putObject("input").put("prompt", request.prompt());
        if (image != null) input.put("img_url", ImageFormat.dataUri(image));
        if (options.negativePrompt() != null) input.put("negative_prompt", options.negativePrompt());
        ObjectNode parameters = body.putObject("parameters");
        if (image != null) {
            parameters.put("resolution", submission.formatOrDerived().resolution().toUpperCase(Locale.ROOT));
        } else {
            parameters.put("size", request.size().width() + "*" + request.size().height());
        }
        parameters.put("duration", request.seconds());
        if (options.seed() != null) parameters.put("seed", options.seed());
        parameters.put("watermark", false);
        if (promptExtend != null) parameters.put("prompt_extend", promptExtend);
        boolean optionalSound = submission.model() != null && submission.model().can().audio() == Audio.OPTIONAL;
        if (options.generateAudio() != null && optionalSound) parameters.put("audio", options.generateAudio());
        return body;
    }
}
