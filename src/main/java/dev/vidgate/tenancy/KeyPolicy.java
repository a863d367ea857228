package dev.vidgate.tenancy;

/**
 * Defaults for new keys made by the operator (the admin API and the commands).
 *
 * @param defaultMaxConcurrent      jobs of one key generating at once, unless the key or its tenant says otherwise
 * @param defaultRequestsPerMinute  a new key's rate limit; null means none
 * @param defaultMaxQueued          how many of a new key's jobs may wait queued; null means no cap
 */
public record KeyPolicy(int defaultMaxConcurrent, Integer defaultRequestsPerMinute, Integer defaultMaxQueued) {

    public KeyPolicy(int defaultMaxConcurrent) {
        this(defaultMaxConcurrent, null, null);
    }
}
