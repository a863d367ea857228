package dev.vidgate.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One audit row of a block: who asked (tenant, key), what rule, decided by whom, when, and the prompt as a SHA-256 and a
 * short excerpt (at most {@value #EXCERPT} characters), at the millisecond. {@code id} is assigned by the store ({@code null} before).
 */
public record Block(String id, String tenantId, String keyId, String model, Category category, Source source, Instant at,
                    String promptSha256, String excerpt, String videoId) {
    public static final int EXCERPT = 80;

    /** A new block of {@code prompt} (not yet stored). */
    public static Block of(String tenantId, String keyId, String model, Category category, Source source, Instant at,
                           String prompt, String videoId) {
        return new Block(null, tenantId, keyId, model, category, source, at.truncatedTo(ChronoUnit.MILLIS), sha256(prompt == null ? "" : prompt), excerpt(prompt),
                videoId);
    }

    static String excerpt(String prompt) {
        if (prompt == null) return "";
        String flat = prompt.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.codePointCount(0, flat.length()) <= EXCERPT ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, EXCERPT - 3)) + "...";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
