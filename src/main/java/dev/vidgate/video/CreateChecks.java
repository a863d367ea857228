package dev.vidgate.video;

import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.DurationPolicy;
import dev.vidgate.catalog.Input;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.VideoSize;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value checks of a create against its model, each answering 400 naming its field; none of them stores or holds
 * anything, and none decodes an image (the images are checked last, by the caller).
 */
final class CreateChecks {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    private CreateChecks() {}

    static String prompt(String prompt) {
        if (prompt == null || prompt.isBlank()) throw VideoErrors.missingPrompt();
        int length = length(prompt);
        if (length > VideoErrors.MAX_PROMPT_LENGTH) throw VideoErrors.promptTooLong(length);
        return prompt;
    }

    /** The model's own prompt limit, where it has one (the API's was checked first). */
    static void promptFits(String prompt, ModelSpec model) {
        Integer max = model.can().maxPromptLength();
        if (max != null && length(prompt) > max) throw VideoErrors.promptTooLongFor(model, length(prompt));
    }

    /** The duration to make: as asked, the policy's default, or (under {@link DurationPolicy#NEAREST}) the nearest the model makes. */
    static Chosen seconds(String seconds, ModelSpec model, VideoPolicy policy) {
        List<Integer> allowed = model.can().durations();
        if (seconds == null) {
            return new Chosen(allowed.contains(policy.defaultSeconds()) ? policy.defaultSeconds() : allowed.getFirst(), Optional.empty());
        }
        Optional<Integer> exact = allowed.stream().filter(d -> d.toString().equals(seconds)).findFirst();
        if (exact.isPresent()) return new Chosen(exact.get(), Optional.empty());
        // only a model that snaps reads other spellings ("04", "12" on a 4/6/8 model); an exact one takes its strings as written
        if (model.durations() != DurationPolicy.NEAREST || !DIGITS.matcher(seconds).matches()) throw VideoErrors.invalidSeconds(model);
        int used = model.durations().choose(allowed, (int) Math.min(Long.parseLong(seconds), Integer.MAX_VALUE))
                .orElseThrow(() -> VideoErrors.invalidSeconds(model));
        return new Chosen(used, Optional.of(new Adjustment("seconds", seconds, Integer.toString(used))));
    }

    static VideoSize size(String size, ModelSpec model, VideoPolicy policy) {
        if (size == null) return model.sizes().contains(policy.defaultSize()) ? policy.defaultSize() : model.sizes().getFirst();
        return VideoSize.parse(size).filter(model.sizes()::contains).orElseThrow(() -> VideoErrors.invalidSize(model));
    }

    /**
     * The size of a request that gave none but a reference image: the image's, when the model makes it; otherwise the
     * image cannot match the default, and the seed's message says which size the video would be and which the image is.
     */
    static VideoSize sizeOfReference(VideoSize pixels, ModelSpec model, VideoPolicy policy) {
        if (model.sizes().contains(pixels)) return pixels;
        throw VideoErrors.referenceNotDefaultSize(size(null, model, policy), pixels, model);
    }

    /** The images the request gives, against the inputs the model takes (before any image is decoded). */
    static void inputs(CreateVideoRequest request, ModelSpec model) {
        if (request.referenceImage() != null && !model.can().takes(Input.FIRST_FRAME)) throw VideoErrors.referenceNotTaken(model);
        if (request.lastFrame() != null && !model.can().takes(Input.LAST_FRAME)) throw VideoErrors.inputNotTaken(model, "last_frame");
    }

    /** The optional fields, checked against their limits and the model's audio. */
    static VideoOptions options(CreateVideoRequest request, ModelSpec model) {
        String negative = request.negativePrompt();
        if (negative != null && length(negative) > VideoErrors.MAX_NEGATIVE_PROMPT_LENGTH) {
            throw VideoErrors.negativePromptTooLong(length(negative));
        }
        Long seed = null;
        if (request.seed() != null) {
            if (!DIGITS.matcher(request.seed()).matches()) throw VideoErrors.invalidSeed();
            seed = Long.parseLong(request.seed());
            if (seed > VideoErrors.MAX_SEED) throw VideoErrors.invalidSeed();
        }
        Boolean audio = request.generateAudio();
        Audio can = model.can().audio();
        if (audio != null && ((audio && can == Audio.NONE) || (!audio && can == Audio.ALWAYS))) throw VideoErrors.audioNotMade(model);
        return new VideoOptions(negative, seed, audio, request.lastFrame() != null);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A duration to make, and the adjustment that says so when it is not what was asked. */
    record Chosen(int seconds, Optional<Adjustment> adjustment) {}
}
