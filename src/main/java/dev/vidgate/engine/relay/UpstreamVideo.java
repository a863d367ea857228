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
 */
record UpstreamVideo(String id, String rawStatus, UpstreamPhase phase, Integer progress, Double seconds, Long createdAt,
                     String errorCode, String errorMessage, String prompt) {}
