package dev.vidgate.catalog;

import java.util.Objects;

/**
 * One way a request for one of our models is served: an upstream channel that sends it as {@code target}.
 *
 * @param model     our model, by name or alias
 * @param target    the model the channel sends it as: a catalog model (whose capabilities then bound ours), our own
 *                  name, or a name the catalog does not know (which leaves our model's capabilities)
 * @param durations whether the channel snaps a duration its target cannot make to the nearest it makes
 * @param footage   whether the channel passes edits and extensions on; a model routed to one that does not loses the
 *                  {@link Input#VIDEO} input
 */
public record ModelRoute(String model, String target, DurationPolicy durations, boolean footage) {
    public ModelRoute {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(durations, "durations");
    }

    /** A route whose channel passes on whatever its target takes, edits included. */
    public ModelRoute(String model, String target, DurationPolicy durations) {
        this(model, target, durations, true);
    }
}
