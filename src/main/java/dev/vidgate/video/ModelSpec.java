package dev.vidgate.video;

import java.util.List;

/**
 * One model of the catalog.
 *
 * @param name    the public name clients send, e.g. {@code sora-2}
 * @param aliases other names for the same model (dated snapshots)
 * @param quality what the Video object's {@code quality} says
 * @param sizes   allowed output sizes
 * @param engine  the engine that generates it
 */
public record ModelSpec(String name, List<String> aliases, String quality, List<VideoSize> sizes, String engine) {
    public ModelSpec {
        aliases = List.copyOf(aliases);
        sizes = List.copyOf(sizes);
    }

    public boolean answersTo(String model) {
        return name.equals(model) || aliases.contains(model);
    }
}
