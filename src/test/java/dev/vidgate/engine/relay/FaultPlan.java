package dev.vidgate.engine.relay;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A fake upstream's faults per route: answers queued for the next requests (each used once), and one answer for every
 * request while it is set. {@code F} is the fake's own canned answer.
 */
public final class FaultPlan<R extends Enum<R>, F> {
    private final Map<R, Deque<F>> queued;
    private final Map<R, F> always;

    public FaultPlan(Class<R> routes) {
        queued = new EnumMap<>(routes);
        always = new EnumMap<>(routes);
        for (R route : routes.getEnumConstants()) queued.put(route, new ArrayDeque<>());
    }

    /** The next requests to {@code route} get these answers, one each. */
    @SafeVarargs
    public final synchronized void queue(R route, F... faults) {
        queued.get(route).addAll(List.of(faults));
    }

    /** Every request to {@code route} gets {@code fault} (after the queued ones); {@code null} ends it. */
    public synchronized void always(R route, F fault) {
        if (fault == null) always.remove(route); else always.put(route, fault);
    }

    /** The fault for this request to {@code route}, or {@code null} for the normal answer. */
    public synchronized F next(R route) {
        F fault = queued.get(route).poll();
        return fault != null ? fault : always.get(route);
    }
}
