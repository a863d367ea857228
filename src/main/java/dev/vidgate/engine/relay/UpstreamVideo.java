package dev.vidgate.engine.relay;

/**
 * What an upstream said about one of its jobs, in any flavour's shape.
 *
 * @param id           the upstream's job id (never shown to our clients)
 * @param rawStatus    its status as sent, or {@code null}
 * @param phase        that status normalised
 * @param progress     0..100, or {@code null} when the upstream reports none
 * @param seconds      the reported video length, or {@code null}
 * @param createdAt    Unix seconds when the upstream created the job, or {@code null}
 * @param errorCode    the upstream's error code (sanitised to a token), or {@code null}
 * @param errorMessage the upstream's error message, cleaned of URLs and secrets, or {@code null}
 * @param prompt       the prompt as the upstream echoes it, or {@code null}
 * @param locator      where the finished video is, in the adapter's own terms (a result URL, a file id, a scratch
 *                     file), read only by the adapter's {@code download}; {@code null} until it is known
 * @param tokens       the tokens the provider counted for the job (its usage), or {@code null}
 */
public record UpstreamVideo(String id, String rawStatus, UpstreamPhase phase, Integer progress, Double seconds, Long createdAt,
                            String errorCode, String errorMessage, String prompt, String locator, Long tokens) {

    /** A job without a locator or token count (the OpenAI-shaped dialects, whose content route needs neither). */
    public UpstreamVideo(String id, String rawStatus, UpstreamPhase phase, Integer progress, Double seconds, Long createdAt,
                         String errorCode, String errorMessage, String prompt) {
        this(id, rawStatus, phase, progress, seconds, createdAt, errorCode, errorMessage, prompt, null, null);
    }
}
