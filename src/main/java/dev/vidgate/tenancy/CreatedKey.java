package dev.vidgate.tenancy;

/** A freshly made API key. {@code secret} exists only here: the store keeps its hash. */
public record CreatedKey(String keyId, String tenantId, String tenantName, String name, String secret, int maxConcurrent) {}
