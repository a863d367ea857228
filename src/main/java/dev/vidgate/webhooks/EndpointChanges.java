package dev.vidgate.webhooks;

import dev.vidgate.common.Change;

import java.util.Set;

/** What an update changes of an endpoint; {@link Change#keep()} leaves a field alone. Enabling clears the disabled reason. */
public record EndpointChanges(Change<String> url, Change<Set<EventType>> events, Change<Boolean> enabled, Change<Boolean> allowPrivate) {

    public static EndpointChanges enabled(boolean value) {
        return new EndpointChanges(Change.keep(), Change.keep(), Change.to(value), Change.keep());
    }
}
