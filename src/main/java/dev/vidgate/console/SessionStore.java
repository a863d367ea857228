package dev.vidgate.console;

import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions, kept where every node sees them and a restart keeps them (the database). Contract, checked by
 * {@code SessionStoreContract} on H2 and PostgreSQL: a saved session is found by its token hash until deleted; deleting
 * an unknown one is no error; {@link #deleteExpired} removes exactly those that expired at or before {@code now}.
 */
public interface SessionStore {
    void save(ConsoleSession session);

    Optional<ConsoleSession> find(String tokenHash);

    void delete(String tokenHash);

    /** @return how many were removed */
    int deleteExpired(Instant now);
}
