package dev.vidgate.engine.builtin.prompt;

import dev.vidgate.engine.builtin.prompt.PromptDirection.Ambience;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Tint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A prompt as {@link PromptReader} read it: its direction and the words the vocabulary does not know (the renderer draws
 * nothing for them: no people, animals or objects), and one line saying so, for the log and the job.
 *
 * @param direction what the renderer does
 * @param ignored   the unknown words in order, repeats included (a run of unknown Chinese characters is one word)
 * @param subjects  the subjects drawn over a scene, described ("a cat riding a motorcycle (drive)"), or null for none
 * @param notDrawn  nouns of the prompt with no subject to draw them ("zorblax"), named apart from the ignored words
 */
public record PromptReading(PromptDirection direction, List<String> ignored, String subjects, List<String> notDrawn) {
    /** Little words no one expects a renderer to draw; left out of the ignored ones. */
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "into", "onto", "by", "for",
            "from", "is", "are", "it", "its", "this", "that", "these", "those", "be", "or", "s", "的", "在", "和");
    private static final int MAX_IGNORED = 30;

    public PromptReading {
        ignored = List.copyOf(ignored);
        notDrawn = List.copyOf(notDrawn);
    }

    public PromptReading(PromptDirection direction, List<String> ignored) {
        this(direction, ignored, null, List.of());
    }

    /**
     * The same reading with the subjects drawn over the scene: {@code understood} words (subjects, their verbs) leave the
     * ignored ones (also inside a run of Chinese characters), and {@code notDrawn} nouns are listed on their own.
     */
    public PromptReading withSubjects(String subjects, Collection<String> understood, List<String> notDrawn) {
        List<String> left = new ArrayList<>();
        for (String word : ignored) {
            String rest = word;
            for (String u : understood) if (!u.isEmpty() && u.codePoints().anyMatch(Character::isIdeographic)) rest = rest.replace(u, " ");
            for (String piece : rest.trim().split(" +")) {
                if (!piece.isEmpty() && !understood.contains(piece) && !notDrawn.contains(piece)) left.add(piece);
            }
        }
        return new PromptReading(direction, left, subjects, notDrawn);
    }

    /**
     * One line: what is drawn, the camera, the looks, the time and colour named, the sound and the words ignored, e.g.
     * {@code draws: a sea scene; camera: slow push in, then pan left; looks: fog; sound: waves, wind; ignored: lighthouse}.
     *
     * @param picture  what a picture clip starts on ({@code "the reference image"}), or {@code null} for a procedural scene
     * @param moves    the camera moves made, which are the prompt's unless it named none
     * @param sounds   the layers of the sound bed
     */
    public String describe(String picture, List<CameraMove> moves, Set<Ambience> sounds) {
        List<String> parts = new ArrayList<>();
        parts.add("draws: " + (picture != null ? picture + ", moved by the camera"
                : subjects != null ? subjects + " in a procedural " + words(direction.scene()) + " scene"
                : "a procedural " + words(direction.scene()) + " scene (no people, animals or objects)"));
        parts.add("camera: " + camera(moves) + (direction.moves().isEmpty() ? " (the prompt names no move)" : ""));
        if (!direction.looks().isEmpty()) parts.add("looks: " + list(direction.looks()));
        if (direction.time() != null) parts.add("time: " + words(direction.time()));
        if (direction.hasHue()) parts.add("colour: " + words(nearestTint(direction.hue())));
        parts.add("sound: " + (sounds.isEmpty() ? (direction.silent() ? "none (asked for silence)" : "none") : list(sounds)));
        if (!notDrawn.isEmpty()) parts.add("not drawn: " + String.join(", ", notDrawn));
        List<String> unknown = ignored.stream().filter(w -> !FILLERS.contains(w)).distinct().toList();
        if (!unknown.isEmpty()) {
            parts.add("ignored: " + String.join(", ", unknown.subList(0, Math.min(MAX_IGNORED, unknown.size())))
                    + (unknown.size() > MAX_IGNORED ? " and " + (unknown.size() - MAX_IGNORED) + " more" : ""));
        }
        return String.join("; ", parts);
    }

    /** Moves that start together joined by "with", one step after the other by "then"; slow and fast ones say so. */
    private static String camera(List<CameraMove> moves) {
        if (moves.isEmpty()) return "still";
        return moves.stream().collect(Collectors.groupingBy(CameraMove::step, java.util.TreeMap::new, Collectors.toList()))
                .values().stream()
                .map(step -> step.stream().map(PromptReading::move).collect(Collectors.joining(" with ")))
                .collect(Collectors.joining(", then "));
    }

    private static String move(CameraMove move) {
        String pace = move.strength() < 0.8 ? "slow " : move.strength() > 1.3 ? "fast " : "";
        return pace + words(move.kind());
    }

    private static Tint nearestTint(double hue) {
        return Stream.of(Tint.values()).min(Comparator.comparingDouble(t -> {
            double d = Math.abs(t.hue - hue);
            return Math.min(d, 1 - d);
        })).orElseThrow();
    }

    private static String list(Collection<? extends Enum<?>> values) {
        return new LinkedHashSet<>(values).stream().map(PromptReading::words).collect(Collectors.joining(", "));
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
