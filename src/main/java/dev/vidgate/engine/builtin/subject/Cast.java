package dev.vidgate.engine.builtin.subject;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The subjects a prompt names, as {@link SubjectReader} read them.
 *
 * @param actors   what is drawn, nearest first; a rider is held by what it rides
 * @param notDrawn nouns of the prompt the renderer has no subject for ("zorblax"), in order
 * @param words    the prompt's words that were understood here (subjects, verbs, ride words)
 */
public record Cast(List<Actor> actors, List<String> notDrawn, Set<String> words) {
    public Cast {
        actors = List.copyOf(actors);
        notDrawn = List.copyOf(notDrawn);
        words = Set.copyOf(words);
    }

    /**
     * One subject on screen.
     *
     * @param subject what is drawn
     * @param word    the prompt's word for it
     * @param count   how many (a plural draws three)
     * @param action  how it moves
     * @param rider   what rides on it, or null
     */
    public record Actor(Subject subject, String word, int count, Action action, Actor rider) {
        Actor moving(Action next) {
            return new Actor(subject, word, count, next, rider);
        }
    }

    public boolean isEmpty() {
        return actors.isEmpty();
    }

    /** For the prompt reading: "a cat riding a motorcycle (drives), a dog (runs)". */
    public String describe() {
        return actors.stream().map(Cast::describe).collect(Collectors.joining(", "));
    }

    private static String describe(Actor a) {
        String who = (a.count() > 1 ? a.count() + " x " : "a ") + a.subject().name();
        if (a.rider() != null) who = "a " + a.rider().subject().name() + " riding " + who;
        return who + " (" + a.action().name().toLowerCase(Locale.ROOT) + ")";
    }
}
