package dev.vidgate.tenancy;

import dev.vidgate.common.Change;

import java.time.Instant;
import java.util.Set;

/** A partial update of a key; a cleared limit ({@code Change.to(null)}) means "no limit". */
public record KeyChanges(Change<String> name, Change<Integer> maxConcurrent, Change<Integer> requestsPerMinute,
                         Change<Integer> maxQueued, Change<Set<String>> allowedModels, Change<Instant> expiresAt,
                         Change<Boolean> disabled) {

    public static KeyChanges none() {
        return new KeyChanges(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep());
    }

    public KeyChanges withDisabled(boolean value) {
        return new KeyChanges(name, maxConcurrent, requestsPerMinute, maxQueued, allowedModels, expiresAt, Change.to(value));
    }
}
