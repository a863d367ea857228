package dev.vidgate.engine.relay;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster's jobs per channel, counted once per pacing interval of the submit loop, on a ticker the test moves. */
class ClusterFiguresTest {
    private static final Duration ROUND = Duration.ofMillis(200);
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger counts = new AtomicInteger();
    private final Map<String, Integer> running = new ConcurrentHashMap<>(Map.of("primary", 3, "secondary", 1));
    private final ClusterFigures figures = new ClusterFigures(channel -> {
        counts.incrementAndGet();
        Integer n = running.get(channel);
        if (n == null) throw new IllegalStateException("the database is away");
        return n;
    }, ROUND, nanos::get);

    @Test
    void jobsLookingWithinOneRoundShareOneCountAndTheNextRoundCountsAgain() {
        for (int job = 0; job < 5; job++) assertThat(figures.inProgress("primary")).isEqualTo(3);
        assertThat(counts).hasValue(1);

        running.put("primary", 4);
        nanos.addAndGet(ROUND.toNanos() - 1);
        assertThat(figures.inProgress("primary")).as("still the round's figure").isEqualTo(3);
        nanos.addAndGet(1);
        assertThat(figures.inProgress("primary")).isEqualTo(4);
        assertThat(figures.inProgress("secondary")).as("each channel its own figure").isEqualTo(1);
        assertThat(counts).hasValue(3);
    }

    @Test
    void aCountThatFailsIsNotKeptSoTheNextLookCountsAgain() {
        assertThatThrownBy(() -> figures.inProgress("tertiary")).hasMessageContaining("the database is away");
        running.put("tertiary", 2);
        assertThat(figures.inProgress("tertiary")).isEqualTo(2);
        assertThat(counts).hasValue(2);
    }
}
