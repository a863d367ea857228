package dev.vidgate.common;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Instant;
import java.time.InstantSource;

/** Caffeine caches on the injected clock, so that tests move cache time instead of sleeping. */
public final class ClockedCaches {
    private ClockedCaches() {}

    /**
     * A cache builder holding at most {@code maxEntries} (least recently used ones leave first), its time read from
     * {@code clock}, its upkeep done on the caller's thread; the caller adds when entries expire.
     */
    public static Caffeine<Object, Object> bounded(InstantSource clock, long maxEntries) {
        return Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker(clock))
                .executor(Runnable::run);
    }

    private static Ticker ticker(InstantSource clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
