package dev.vidgate.console;

import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SessionStore} does, run through {@link ConsoleSessions} on a real database. */
public abstract class SessionStoreContract {
    private final TestClock clock = new TestClock();
    private SessionStore store;
    private ConsoleSessions sessions;

    protected abstract SessionStore freshStore();

    @BeforeEach
    void open() {
        store = freshStore();
        sessions = new ConsoleSessions(store, clock, Duration.ofHours(1));
    }

    @Test
    void anOpenedSessionIsFoundByItsTokenAndKeepsItsRoleKeyHashAndCsrfToken() {
        var opened = sessions.open(ConsoleSession.Role.TENANT, "ab".repeat(32));
        var found = sessions.find(opened.token()).orElseThrow();
        assertThat(found).isEqualTo(opened.session());
        assertThat(found.tokenHash()).isNotEqualTo(opened.token());
        assertThat(found.csrfToken()).hasSizeGreaterThan(30).isNotEqualTo(opened.token());
        assertThat(sessions.find(opened.token() + "x")).isEmpty();
    }

    @Test
    void aSessionEndsWhenClosedOrOnceItsTimeIsUpAndTheSweepRemovesOnlyExpiredOnes() {
        var closed = sessions.open(ConsoleSession.Role.OPERATOR, null);
        sessions.close(closed.token());
        sessions.close(closed.token());
        assertThat(sessions.find(closed.token())).isEmpty();

        var old = sessions.open(ConsoleSession.Role.OPERATOR, null);
        clock.advance(Duration.ofMinutes(30));
        var young = sessions.open(ConsoleSession.Role.OPERATOR, null);
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.find(old.token())).isEmpty();
        assertThat(sessions.find(young.token())).isPresent();
        assertThat(sessions.sweep()).isEqualTo(1);
        assertThat(store.find(old.session().tokenHash())).isEmpty();
        assertThat(store.find(young.session().tokenHash())).isPresent();
    }
}
