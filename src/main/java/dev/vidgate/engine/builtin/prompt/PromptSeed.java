package dev.vidgate.engine.builtin.prompt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Derives stable random seeds from a prompt (and a job's seed), so the same prompt and seed always yield the same clip. */
public final class PromptSeed {
    private PromptSeed() {}

    /**
     * As {@link #of(String, String)}, varied by a job's seed when it has one: another seed, another clip; the same seed,
     * the same clip again.
     */
    public static long of(String prompt, String purpose, Long jobSeed) {
        return jobSeed == null ? of(prompt, purpose) : of(prompt, purpose + "#" + jobSeed);
    }

    /** A 64-bit seed from the SHA-256 of the prompt text and a purpose label. */
    public static long of(String prompt, String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(purpose.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(prompt.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
