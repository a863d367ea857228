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
 * @param maxPromptLength the longest prompt it takes, in characters (code points), or {@code null} for only the API's
 *                  own limit ({@value #API_PROMPT_LIMIT})
 */
public record Capabilities(List<Format> formats, List<Integer> durations, Set<Input> inputs, Audio audio, Integer maxPromptLength) {
    /** The longest prompt the API takes from any client (SPEC section 3). */
    public static final int API_PROMPT_LIMIT = 32_000;

    /** A model limited in its prompt only by the API. */
    public Capabilities(List<Format> formats, List<Integer> durations, Set<Input> inputs, Audio audio) {
        this(formats, durations, inputs, audio, null);
    }

    public Capabilities {
        if (maxPromptLength != null && (maxPromptLength < 1 || maxPromptLength > API_PROMPT_LIMIT)) {
            throw new IllegalArgumentException("a prompt limit is from 1 to " + API_PROMPT_LIMIT + " characters");
        }
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

    /** These capabilities without {@code input}. */
    public Capabilities without(Input input) {
        var kept = EnumSet.noneOf(Input.class);
        kept.addAll(inputs);
        kept.remove(input);
        return new Capabilities(formats, durations, kept, audio, maxPromptLength);
    }

    /** This model's limits with a prompt limit. */
    public Capabilities withMaxPromptLength(Integer maxPromptLength) {
        return new Capabilities(formats, durations, inputs, audio, maxPromptLength);
    }

    /**
     * What both this and {@code other} make: the sizes of both (as this one describes them, in its order), the durations
     * and inputs of both, the audio both can honour ({@link Audio#and}) and the shorter prompt limit.
     *
     * @throws IllegalArgumentException when they have no size or no duration in common
     */
    public Capabilities and(Capabilities other) {
        Integer prompt = maxPromptLength;
        if (prompt == null || (other.maxPromptLength != null && other.maxPromptLength < prompt)) prompt = other.maxPromptLength;
        var common = EnumSet.copyOf(inputs);
        common.retainAll(other.inputs);
        return new Capabilities(formats.stream().filter(f -> other.format(f.size()).isPresent()).toList(),
                durations.stream().filter(other.durations::contains).toList(), common, audio.and(other.audio), prompt);
    }
}
