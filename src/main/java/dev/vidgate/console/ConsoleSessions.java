package dev.vidgate.console;

import dev.vidgate.tenancy.Secrets;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Opens, finds and ends console sessions. The cookie carries a random token; the store keeps only its hash, so a copy
 * of the database opens no console. A session ends when signed out or {@code ttl} after it was opened.
 */
public final class ConsoleSessions {
    private static final int TOKEN_LENGTH = 43;

    private final SessionStore store;
    private final InstantSource clock;
    private final Duration ttl;

    public ConsoleSessions(SessionStore store, InstantSource clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new session and the token for its cookie (shown only here). */
    public Opened open(ConsoleSession.Role role, String keyHash) {
        String token = Secrets.randomToken(TOKEN_LENGTH);
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored
        var session = new ConsoleSession(Secrets.hash(token), role, keyHash, Secrets.randomToken(TOKEN_LENGTH), now, now.plus(ttl));
        store.save(session);
        return new Opened(token, session);
    }

    /** The live session a cookie's token names; empty when unknown, ended or expired. */
    public Optional<ConsoleSession> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) return Optional.empty();
        return store.find(Secrets.hash(token)).filter(s -> !s.expiredAt(clock.instant()));
    }

    public void close(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 200) store.delete(Secrets.hash(token));
    }

    /** Removes expired sessions (a periodic duty). */
    public int sweep() {
        return store.deleteExpired(clock.instant());
    }

    public Duration ttl() {
        return ttl;
    }

    public record Opened(String token, ConsoleSession session) {}
}
