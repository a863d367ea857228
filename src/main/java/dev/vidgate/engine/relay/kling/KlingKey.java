package dev.vidgate.engine.relay.kling;

import dev.vidgate.engine.relay.ApiKey;

import java.nio.charset.StandardCharsets;

/**
 * A Kling credential: the access key (the JWT's issuer) and the secret key (its HS256 key), written in a channel's
 * {@code api-key} as {@code ACCESS_KEY:SECRET_KEY}. Messages about a malformed key never repeat it.
 */
record KlingKey(String accessKey, byte[] secretKey) {
    /** HS256 needs a key of at least 256 bits; Kling's secret keys are 32 characters. */
    private static final int MIN_SECRET_BYTES = 32;

    /** Reads {@code ACCESS_KEY:SECRET_KEY}; anything else is refused with a message naming {@code api-key}. */
    static KlingKey parse(ApiKey key) {
        if (key == null) {
            throw new IllegalArgumentException("api-key is required for the kling flavour: ACCESS_KEY:SECRET_KEY from "
                    + "Kling's developer console");
        }
        String raw = key.reveal();
        int colon = raw.indexOf(':');
        String access = colon < 0 ? "" : raw.substring(0, colon).trim();
        String secret = colon < 0 ? "" : raw.substring(colon + 1).trim();
        if (access.isEmpty() || secret.isEmpty() || access.chars().anyMatch(Character::isWhitespace)
                || secret.chars().anyMatch(Character::isWhitespace) || secret.indexOf(':') >= 0) {
            throw new IllegalArgumentException("api-key must be ACCESS_KEY:SECRET_KEY (Kling's access key and secret key "
                    + "joined by one ':') for the kling flavour");
        }
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        if (secretBytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("api-key: the secret key after ':' is shorter than " + MIN_SECRET_BYTES
                    + " characters, too short to sign Kling's HS256 tokens");
        }
        return new KlingKey(access, secretBytes);
    }

    /** The strings no message may repeat. */
    String[] secrets() {
        return new String[] {accessKey, new String(secretKey, StandardCharsets.UTF_8)};
    }

    @Override
    public String toString() {
        return "KlingKey[****]";
    }
}
