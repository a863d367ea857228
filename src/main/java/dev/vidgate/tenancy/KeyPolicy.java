package dev.vidgate.tenancy;

/** Defaults for keys: how many jobs of one key generate at once unless the key says otherwise. */
public record KeyPolicy(int defaultMaxConcurrent) {}
