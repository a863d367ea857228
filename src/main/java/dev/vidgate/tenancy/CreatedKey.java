package dev.vidgate.tenancy;

/**
 * A freshly made (or rotated) API key. {@code secret} exists only here: the store keeps its hash.
 * {@link #toString()} masks it, so a log line or a debug dump never shows it.
 */
public record CreatedKey(String keyId, String tenantId, String tenantName, String name, String secret, int maxConcurrent) {
    @Override
    public String toString() {
        return "CreatedKey[keyId=" + keyId + ", tenantId=" + tenantId + ", name=" + name + ", secret=" + Secrets.mask(secret) + "]";
    }
}
