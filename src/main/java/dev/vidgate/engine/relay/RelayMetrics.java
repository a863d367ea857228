package dev.vidgate.engine.relay;

import dev.vidgate.common.LoopErrors;

/** What the relay tells the metrics: how long each upstream request took, and the errors its loops carry on from. */
public interface RelayMetrics extends LoopErrors {

    /**
     * One request to {@code channel}'s upstream ended.
     *
     * @param ok    whether it got a usable answer (a timeout, reset, 5xx or unreadable answer is not)
     * @param nanos how long it took
     */
    void request(String channel, boolean ok, long nanos);

    /** Hears nothing. */
    RelayMetrics NONE = new RelayMetrics() {
        @Override public void request(String channel, boolean ok, long nanos) {}
        @Override public void caught(String loop) {}
    };
}
