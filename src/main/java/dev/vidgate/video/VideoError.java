package dev.vidgate.video;

/** Why a job failed, as shown in the Video object's {@code error} field. */
public record VideoError(String code, String message) {}
