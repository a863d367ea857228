package dev.vidgate.video;

import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.Capabilities;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.Input;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.video.reference.ReferenceImages;
import dev.vidgate.common.ApiException;

import java.util.stream.Collectors;

/** The client errors of the videos API; the seed messages are kept word for word. */
public final class VideoErrors {
    public static final int MAX_PROMPT_LENGTH = Capabilities.API_PROMPT_LIMIT;
    /** Kling's limit, the shortest of the providers that take a negative prompt. */
    public static final int MAX_NEGATIVE_PROMPT_LENGTH = 2_500;
    /** The largest seed: an unsigned 32-bit integer, what Veo, Seedance and Wan take. */
    public static final long MAX_SEED = 4_294_967_295L;

    private VideoErrors() {}

    public static ApiException missingPrompt() {
        return ApiException.invalid("Missing required parameter: prompt", "prompt", "missing_required_parameter");
    }

    public static ApiException promptTooLong(int length) {
        return ApiException.invalid("Invalid 'prompt': string too long. Expected a string with maximum length "
                + MAX_PROMPT_LENGTH + ", but got a string with length " + length + " instead.", "prompt", "string_above_max_length");
    }

    public static ApiException invalidSeconds() {
        return ApiException.invalid("seconds must be one of \"4\", \"8\", \"12\"", "seconds", "invalid_value");
    }

    /** The seed's message for Sora models; other models name themselves, with the code SPEC section 9 gives. */
    public static ApiException invalidSeconds(ModelSpec model) {
        String allowed = model.can().durations().stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", "));
        return ApiException.invalid("seconds must be one of " + allowed + forModel(model), "seconds", "invalid_value");
    }

    /** The seed's message and code for Sora models; other models name themselves and answer {@code invalid_value}. */
    public static ApiException invalidSize(ModelSpec model) {
        return ApiException.invalid("Invalid parameter: size must be " + ModelCatalog.describeSizes(model.sizes()) + forModel(model),
                "size", model.isSora() ? "invalid_parameter" : "invalid_value");
    }

    /** A reference without a size whose pixels are no size {@code model} makes: the seed's message, then the sizes in question. */
    public static ApiException referenceNotDefaultSize(VideoSize video, VideoSize image, ModelSpec model) {
        return ApiException.invalid(ReferenceImages.SIZE_MISMATCH + ". The video is " + video + " (the default, as no size was given) "
                + "and the image is " + image + "; " + model.name() + " makes " + ModelCatalog.describeSizes(model.sizes()) + ".",
                "input_reference", "invalid_value");
    }

    /** A reference image (a first frame) given to a model that makes video from text only. */
    public static ApiException referenceNotTaken(ModelSpec model) {
        return inputNotTaken(model, "input_reference");
    }

    /** An image given as {@code param} ({@code input_reference}, {@code last_frame}) to a model without that input. */
    public static ApiException inputNotTaken(ModelSpec model, String param) {
        String inputs = model.can().inputs().stream().sorted().map(Input::wireName).collect(Collectors.joining(", "));
        return ApiException.invalid("Invalid parameter: " + model.name() + " takes no " + param + " (its inputs: " + inputs + ")",
                param, "invalid_value");
    }

    /** {@code generate_audio} asking for what the model cannot do: sound from a silent model, silence from one that always has sound. */
    public static ApiException audioNotMade(ModelSpec model) {
        boolean always = model.can().audio() == Audio.ALWAYS;
        return ApiException.invalid("Invalid parameter: generate_audio must be " + (always ? "true" : "false") + " or left out for "
                + model.name() + " (its audio: " + model.can().audio().wireName() + ")", "generate_audio", "invalid_value");
    }

    /** A prompt within the API's limit but longer than the model takes. */
    public static ApiException promptTooLongFor(ModelSpec model, int length) {
        return ApiException.invalid("Invalid 'prompt': string too long for " + model.name() + ". Expected a string with maximum length "
                + model.can().maxPromptLength() + ", but got a string with length " + length + " instead.", "prompt", "invalid_value");
    }

    public static ApiException negativePromptTooLong(int length) {
        return ApiException.invalid("Invalid 'negative_prompt': string too long. Expected a string with maximum length "
                + MAX_NEGATIVE_PROMPT_LENGTH + ", but got a string with length " + length + " instead.", "negative_prompt",
                "string_above_max_length");
    }

    public static ApiException invalidSeed() {
        return ApiException.invalid("Invalid 'seed': expected an integer from 0 to " + MAX_SEED + ".", "seed", "invalid_value");
    }

    private static String forModel(ModelSpec model) {
        return model.isSora() ? "" : " for " + model.name();
    }

    public static ApiException unknownModel(String model) {
        return new ApiException(404, "invalid_request_error",
                "The model '" + clip(model) + "' does not exist or you do not have access to it.", "model", "model_not_found", null);
    }

    public static ApiException emptyModel() {
        return ApiException.invalid("Invalid 'model': expected a model name such as sora-2, but got an empty string.", "model",
                "invalid_value");
    }

    public static ApiException wrongType(String field, String expected, String got) {
        return ApiException.invalid("Invalid type for '" + field + "': expected " + expected + ", but got " + got + " instead.",
                field, "invalid_type");
    }

    public static ApiException tooManyReferences() {
        return tooManyImages("input_reference");
    }

    /** Two images for one image field ({@code input_reference}, {@code last_frame}). */
    public static ApiException tooManyImages(String param) {
        return ApiException.invalid("Only one " + param + " file is allowed", param, "invalid_value");
    }

    public static ApiException notFound(String id) {
        return ApiException.notFound("No video found with id '" + clip(id) + "'.", "video_id");
    }

    public static ApiException notReady(Video video) {
        return ApiException.invalid("Video " + video.id() + " is not ready yet (status " + video.status().wireName()
                + "); poll GET /v1/videos/" + video.id() + " until it is completed.", "video_id", "video_not_ready");
    }

    public static ApiException expired(Video video) {
        return new ApiException(404, "invalid_request_error", "The content of video " + video.id()
                + " has expired and was deleted; its record stays, but the video can no longer be downloaded.",
                "video_id", "video_expired", null);
    }

    public static ApiException invalidState(String message) {
        return ApiException.invalid(message, "video_id", "invalid_state");
    }

    /** Echoes user input in messages only in a bounded, printable form. */
    static String clip(String s) {
        if (s == null) return "";
        String printable = s.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }
}
