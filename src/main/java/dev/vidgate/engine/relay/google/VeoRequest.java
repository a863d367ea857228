package dev.vidgate.engine.relay.google;

import dev.vidgate.catalog.Format;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;

/**
 * The body of Veo's {@code predictLongRunning}, the same on the Gemini API and on Vertex AI:
 * {@code {instances:[{prompt, image?, lastFrame?}], parameters:{aspectRatio, resolution, durationSeconds, ...}}},
 * images inline as {@code {bytesBase64Encoded, mimeType}}. The Gemini API refuses {@code seed} and
 * {@code generateAudio} ("only supported in Vertex mode" in Google's SDK), so they are sent only to Vertex. The job's
 * callback URL goes only to the Gemini API, as the top-level {@code webhookConfig: {uris: [url]}} of Google's SDK
 * ({@code WebhookConfig}, which the SDK refuses in Vertex mode).
 */
public final class VeoRequest {
    private VeoRequest() {}

    /** Which of Google's two surfaces the body is for. */
    public enum Surface { GEMINI, VERTEX }

    public static byte[] body(ObjectMapper json, Submission submission, Surface surface) {
        GenerationRequest request = submission.request();
        ObjectNode body = json.createObjectNode();
        ObjectNode instance = body.putArray("instances").addObject().put("prompt", request.prompt());
        if (submission.reference() != null) image(instance.putObject("image"), submission.reference());
        GenerationRequest.Options options = request.options();
        if (options.lastFrame() != null) image(instance.putObject("lastFrame"), options.lastFrame());
        Format format = submission.formatOrDerived();
        ObjectNode parameters = body.putObject("parameters")
                .put("aspectRatio", format.aspectRatio())
                .put("resolution", format.resolution())
                .put("durationSeconds", request.seconds());
        if (options.negativePrompt() != null && !options.negativePrompt().isBlank()) {
            parameters.put("negativePrompt", options.negativePrompt());
        }
        if (surface == Surface.VERTEX) {
            if (options.seed() != null) parameters.put("seed", options.seed());
            if (options.generateAudio() != null) parameters.put("generateAudio", options.generateAudio());
        }
        if (surface == Surface.GEMINI && submission.callbackUrl() != null) {
            body.putObject("webhookConfig").putArray("uris").add(submission.callbackUrl());
        }
        return json.writeValueAsBytes(body);
    }

    private static void image(ObjectNode target, byte[] bytes) {
        target.put("bytesBase64Encoded", Base64.getEncoder().encodeToString(bytes))
                .put("mimeType", ImageFormat.detect(bytes).map(ImageFormat::mediaType).orElse("image/png"));
    }
}
