package dev.vidgate.tenancy;

import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {
    private final TestClock clock = new TestClock();
    private final RequestRateLimiter limiter = new RequestRateLimiter(clock);

    @Test
    void aKeyMakesItsLimitOfRequestsPerMinuteAndIsToldWhenTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) assertThat(limiter.tryAcquire("key_a", 3)).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        var refused = limiter.tryAcquire("key_a", 3).orElseThrow();
        assertThat(refused.used()).isEqualTo(3);
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(39), Duration.ofSeconds(41));
        // Other keys have their own window.
        assertThat(limiter.tryAcquire("key_b", 3)).isEmpty();
        clock.advance(refused.retryAfter());
        assertThat(limiter.tryAcquire("key_a", 3)).isEmpty();
    }

    @Test
    void refusedRequestsDoNotCountSoARetryAfterTheAnsweredDelayGetsThrough() {
        assertThat(limiter.tryAcquire("key_a", 1)).isEmpty();
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(100));
            assertThat(limiter.tryAcquire("key_a", 1)).isPresent();
        }
        var refused = limiter.tryAcquire("key_a", 1).orElseThrow();
        clock.advance(refused.retryAfter());
        assertThat(limiter.tryAcquire("key_a", 1)).isEmpty();
    }

    @Test
    void aLoweredLimitWaitsUntilEnoughOldRequestsLeft() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("key_a", 10)).isEmpty();
            clock.advance(Duration.ofSeconds(10));
        }
        // 5 requests in the window at 0, 10, 20, 30, 40 s; now at 50 s with a limit of 2, one more fits once
        // only one is left: when the one of 30 s leaves, at 90 s.
        var refused = limiter.tryAcquire("key_a", 2).orElseThrow();
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(39), Duration.ofSeconds(41));
    }
}
