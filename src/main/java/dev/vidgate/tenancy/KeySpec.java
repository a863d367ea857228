package dev.vidgate.tenancy;

/**
 * What to make a key with.
 *
 * @param tenantName   the tenant to put the key in; created if absent. Null makes a new tenant of its own.
 * @param name         a label for people
 * @param secret       the secret to use (e.g. the operator's bootstrap key); null generates one
 * @param maxConcurrent how many of this key's jobs may generate at once; at least 1
 */
public record KeySpec(String tenantName, String name, String secret, int maxConcurrent) {}
