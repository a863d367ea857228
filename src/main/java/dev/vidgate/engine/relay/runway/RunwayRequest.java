package dev.vidgate.engine.relay.runway;

import dev.vidgate.catalog.Format;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.media.ImageFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.Set;

/**
 * A Sora-shaped submission as Runway's create body ({@code image_to_video_create_params.py},
 * {@code text_to_video_create_params.py}): {@code model}, {@code promptText}, {@code ratio} as output pixels
 * ({@code 1280:720}), {@code duration} in whole seconds, {@code promptImage} as a data URI (or a first/last pair),
 * and {@code seed}, {@code negativePrompt}, {@code audio} when the client gave them.
 *
 * @param endpoint {@code image_to_video} or {@code text_to_video}
 */
record RunwayRequest(String endpoint, ObjectNode json) {
    /** Runway's limit on {@code promptText}, in UTF-16 code units (Seedance 2 on Runway allows more; we keep the common one). */
    static final int MAX_PROMPT = 1000;
    /** Models that Runway's {@code text_to_video} does not take (its SDK lists them only under {@code image_to_video}). */
    private static final Set<String> IMAGE_ONLY = Set.of("gen4_turbo");

    static RunwayRequest of(Submission submission, ObjectMapper mapper) throws UpstreamException {
        GenerationRequest request = submission.request();
        String prompt = request.prompt();
        if (prompt.length() > MAX_PROMPT) {
            throw new UpstreamException(Kind.REJECTED, "Runway takes a prompt of at most " + MAX_PROMPT
                    + " characters (UTF-16 code units); this one has " + prompt.length() + ".");
        }
        byte[] first = submission.reference();
        byte[] last = request.options().lastFrame();
        boolean image = first != null || last != null;
        if (!image && IMAGE_ONLY.contains(submission.upstreamModel())) {
            throw new UpstreamException(Kind.REJECTED, "Runway's " + submission.upstreamModel()
                    + " makes videos from an image only: send an input_reference.");
        }
        ObjectNode body = mapper.createObjectNode()
                .put("model", submission.upstreamModel())
                .put("promptText", prompt)
                .put("ratio", ratio(submission))
                .put("duration", request.seconds());
        if (image) {
            if (last == null) {
                body.put("promptImage", dataUri(first));
            } else {
                ArrayNode frames = body.putArray("promptImage");
                if (first != null) frames.addObject().put("uri", dataUri(first)).put("position", "first");
                frames.addObject().put("uri", dataUri(last)).put("position", "last");
            }
        }
        GenerationRequest.Options options = request.options();
        if (options.seed() != null) body.put("seed", options.seed());
        if (options.negativePrompt() != null) body.put("negativePrompt", options.negativePrompt());
        if (options.generateAudio() != null) body.put("audio", options.generateAudio());
        return new RunwayRequest(image ? "image_to_video" : "text_to_video", body);
    }

    /** The catalog's ratio for the size ({@code 1280:720}); for a size the catalog does not list, its own pixels. */
    private static String ratio(Submission submission) {
        return submission.format().map(Format::aspectRatio).filter(r -> r.matches("\\d+:\\d+"))
                .orElseGet(() -> submission.request().size().width() + ":" + submission.request().size().height());
    }

    private static String dataUri(byte[] image) {
        String type = ImageFormat.detect(image).map(ImageFormat::mediaType).orElse("application/octet-stream");
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image);
    }
}
