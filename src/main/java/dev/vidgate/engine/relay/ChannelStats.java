package dev.vidgate.engine.relay;

import java.time.Instant;

/** Success rate and latency over a channel's latest requests, plus totals and the last failure. */
final class ChannelStats {
    static final int WINDOW = 200;

    private final boolean[] okRing = new boolean[WINDOW];
    private final long[] nanosRing = new long[WINDOW];
    private int next;
    private int filled;
    private long total;
    private long failures;
    private String lastError;
    private Instant lastErrorAt;

    synchronized void record(boolean ok, long nanos) {
        okRing[next] = ok;
        nanosRing[next] = nanos;
        next = (next + 1) % WINDOW;
        filled = Math.min(WINDOW, filled + 1);
        total++;
        if (!ok) failures++;
    }

    synchronized void lastError(String message, Instant at) {
        lastError = message;
        lastErrorAt = at;
    }

    /** A consistent copy for a status report. */
    synchronized Snapshot snapshot() {
        int ok = 0;
        long nanos = 0;
        for (int i = 0; i < filled; i++) {
            if (okRing[i]) ok++;
            nanos += nanosRing[i];
        }
        double rate = filled == 0 ? 1.0 : ok / (double) filled;
        long meanMillis = filled == 0 ? 0 : nanos / filled / 1_000_000;
        return new Snapshot(filled, rate, meanMillis, total, failures, lastError, lastErrorAt);
    }

    record Snapshot(int recent, double successRate, long latencyMillis, long total, long failures, String lastError,
                    Instant lastErrorAt) {}
}
