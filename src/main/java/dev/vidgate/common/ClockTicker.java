package dev.vidgate.common;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Instant;
import java.time.InstantSource;

/** A Caffeine {@link Ticker} reading the injected clock, so that tests move cache time instead of sleeping. */
public final class ClockTicker {
    private ClockTicker() {}

    public static Ticker of(InstantSource clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
