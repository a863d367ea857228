package dev.vidgate.character;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where characters are kept (the port; {@code jdbc/} is its adapter, for H2 and PostgreSQL). */
public interface CharacterStore {
    void insert(Character character);

    /** The character {@code id} of {@code tenantId}; another tenant's is absent, like an unknown one. */
    Optional<Character> find(String tenantId, String id);

    /** The tenant's characters that have not expired at {@code now}, oldest first. */
    List<Character> live(String tenantId, Instant now);

    /** Up to {@code limit} characters expired at {@code now}. */
    List<Character> expired(Instant now, int limit);

    void delete(String id);
}
