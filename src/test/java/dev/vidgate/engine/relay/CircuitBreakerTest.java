package dev.vidgate.engine.relay;

import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A failing channel is skipped for a cool-down, then one trial decides. */
class CircuitBreakerTest {
    private final TestClock clock = new TestClock();
    private final CircuitBreaker breaker = new CircuitBreaker("c", 3, Duration.ofSeconds(30), clock);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailuresOnly() {
        breaker.failure("x");
        breaker.failure("x");
        breaker.success();
        breaker.failure("x");
        breaker.failure("x");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.failure("x");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquireSubmit()).isFalse();
        assertThat(breaker.openUntil()).isCloseTo(clock.instant().plusSeconds(30), within(2, ChronoUnit.SECONDS));
    }

    @Test
    void afterTheCooldownExactlyOneTrialPassesAndItsOutcomeDecides() {
        for (int i = 0; i < 3; i++) breaker.failure("x");
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquireSubmit()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquireSubmit()).isFalse();
        breaker.failure("still down");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.openUntil()).isCloseTo(clock.instant().plusSeconds(60), within(2, ChronoUnit.SECONDS));

        clock.advance(Duration.ofSeconds(60));
        assertThat(breaker.tryAcquireSubmit()).isTrue();
        breaker.success();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquireSubmit()).isTrue();
        assertThat(breaker.openUntil()).isNull();
    }

    @Test
    void theCooldownStopsGrowingAtTenTimesItsBase() {
        for (int i = 0; i < 3; i++) breaker.failure("x");
        for (int round = 0; round < 8; round++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(breaker.tryAcquireSubmit()).isTrue();
            breaker.failure("x");
        }
        assertThat(breaker.openUntil()).isCloseTo(clock.instant().plusSeconds(300), within(2, ChronoUnit.SECONDS));
    }
}
