package dev.vidgate.character;

import java.time.Instant;

/**
 * A named character of one tenant: a still taken from an uploaded clip, which the built-in renderer puts into the scene
 * of a prompt that names it. Kept until {@code expiresAt}, then deleted with its files.
 */
public record Character(String id, String tenantId, String name, Instant createdAt, Instant expiresAt) {

    /** Where its files live in the content store. */
    public String storagePrefix() {
        return "characters/" + id;
    }

    /** The still (PNG) a prompt naming the character shows. */
    public String pictureKey() {
        return storagePrefix() + "/picture.png";
    }

    /** The clip it was made from. */
    public String footageKey() {
        return storagePrefix() + "/footage";
    }
}
