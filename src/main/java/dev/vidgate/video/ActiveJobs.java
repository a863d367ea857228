package dev.vidgate.video;

/** How many jobs of one API key on one engine are in one unfinished state ({@link JobStore#countActive}). */
public record ActiveJobs(VideoStatus status, String engine, String keyId, long count) {}
