package dev.vidgate.video;

/**
 * An edit or an extension as the client sent it, before validation: text fields null when absent; the source is
 * {@code videoId} (a completed video of the caller's) or {@code upload} (an MP4 or MOV file's bytes).
 */
public record FootageRequest(String prompt, String seconds, String videoId, byte[] upload, String idempotencyKey) {}
