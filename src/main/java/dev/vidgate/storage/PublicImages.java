package dev.vidgate.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images a provider fetches by URL (providers that do not take them inline): kept in the content store, so every
 * node of a cluster serves them, under an unguessable token that also carries its expiry. The token is the only
 * credential: whoever holds it may read the one image until it expires, and nothing else.
 */
public final class PublicImages {
    private static final Pattern TOKEN = Pattern.compile("([0-9]{1,12})\\.([A-Za-z0-9_-]{1,80})\\.([A-Za-z0-9_-]{32})");
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final ContentStore store;
    private final InstantSource clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public PublicImages(ContentStore store, InstantSource clock, Duration lifetime) {
        this.store = store;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Stores {@code image} for {@code jobId} and answers its token, valid for the configured lifetime. */
    public String publish(String jobId, byte[] image) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String token = expires + "." + folder(jobId) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.put(key(TOKEN.matcher(token)), new ByteArrayInputStream(image));
        return token;
    }

    /** The image behind {@code token} while it is valid; empty for a malformed, expired or unknown token. */
    public Optional<byte[]> read(String token) {
        Matcher m = token == null ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) return Optional.empty();
        if (Instant.ofEpochSecond(Long.parseLong(m.group(1))).isBefore(clock.instant())) return Optional.empty();
        String key = key(m);
        Optional<Long> size = store.size(key);
        if (size.isEmpty() || size.get() > MAX_BYTES) return Optional.empty();
        try (InputStream in = store.open(key, 0, size.get())) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new StorageException("reading a public image failed", e);
        }
    }

    /** Removes every image published for {@code jobId}. */
    public void withdraw(String jobId) {
        store.deleteAll("public/" + folder(jobId));
    }

    private static String key(Matcher token) {
        if (!token.matches()) throw new IllegalStateException("malformed token");
        return "public/" + token.group(2) + "/" + token.group(1) + "." + token.group(3);
    }

    /** The job id as a key segment: our ids are already safe; anything else is reduced to what keys allow. */
    private static String folder(String jobId) {
        String safe = jobId.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() > 80 ? safe.substring(0, 80) : safe;
    }
}
