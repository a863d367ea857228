package dev.vidgate.catalog;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a model can make.
 *
 * @param formats   the sizes it makes, each with the provider's aspect ratio and resolution tier; the first is
 *                  its default
 * @param durations the lengths in whole seconds it makes, ascending; the first is its default
 * @param inputs    what a request may give it ({@link Input#TEXT} always)
 * @param audio     whether its videos carry sound
 */
public record Capabilities(List<Format> formats, List<Integer> durations, Set<Input> inputs, Audio audio) {
    public Capabilities {
        if (formats.isEmpty()) throw new IllegalArgumentException("a model makes at least one size");
        if (durations.isEmpty()) throw new IllegalArgumentException("a model makes at least one duration");
        if (formats.stream().map(Format::size).distinct().count() != formats.size()) {
            throw new IllegalArgumentException("a size is listed twice");
        }
        formats = List.copyOf(formats);
        durations = durations.stream().distinct().sorted().toList();
        if (durations.getFirst() < 1) throw new IllegalArgumentException("durations are whole seconds from 1");
        var all = EnumSet.of(Input.TEXT);
        all.addAll(inputs);
        inputs = Set.copyOf(all);
    }

    public List<VideoSize> sizes() {
        return formats.stream().map(Format::size).toList();
    }

    public Optional<Format> format(VideoSize size) {
        return formats.stream().filter(f -> f.size().equals(size)).findFirst();
    }

    /** The resolution tiers, each once, in the order of the sizes. */
    public List<String> resolutions() {
        return formats.stream().map(Format::resolution).distinct().toList();
    }

    public boolean takes(Input input) {
        return inputs.contains(input);
    }
}
