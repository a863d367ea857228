package dev.vidgate.video;

/**
 * The optional create fields other providers take and Sora never had, as stored with the job; all absent for a Sora
 * client ({@link #NONE}).
 *
 * @param negativePrompt what the video should not show, or {@code null}
 * @param seed           the provider's random seed (0 to 4294967295), or {@code null}
 * @param generateAudio  whether to make sound, or {@code null} for the model's default
 * @param hasLastFrame   whether a last-frame image is stored with the job ({@link Video#lastFrameKey()})
 */
public record VideoOptions(String negativePrompt, Long seed, Boolean generateAudio, boolean hasLastFrame) {
    public static final VideoOptions NONE = new VideoOptions(null, null, null, false);
}
