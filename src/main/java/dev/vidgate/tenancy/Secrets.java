package dev.vidgate.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Making, hashing and masking API key secrets. */
public final class Secrets {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Never digests: each hash works on a clone, cheaper than looking the algorithm up among the providers each time. */
    private static final MessageDigest SHA_256 = lookUpSha256();

    private Secrets() {}

    /** A new key secret: {@code sk-vg-} and 40 random base-62 characters (about 238 bits). */
    public static String newSecret() {
        return "sk-vg-" + randomToken(40);
    }

    public static String randomToken(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(SHA_256).digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256: a clone of the prototype, or a new lookup where the provider's digest cannot be cloned (some FIPS or PKCS#11 providers). */
    static MessageDigest sha256(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return lookUpSha256();
        }
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OpenAI style of showing a key without revealing it: {@code sk-ab...wxyz}. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) return "";
        if (secret.length() < 12) return "*".repeat(Math.min(secret.length(), 8));
        return secret.substring(0, 5) + "..." + secret.substring(secret.length() - 4);
    }
}
