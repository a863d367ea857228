package dev.vidgate.engine.builtin.subject;

import java.util.Set;

/**
 * Which way a subject's drawing faces. Fluent Emoji draw animals, vehicles, boats and fish facing left, so figures
 * travel to the left; the few drawn facing right (the person walking, the airplane, the rocket) are mirrored.
 */
final class Facing {
    private static final Set<String> FACING_RIGHT = Set.of("1f6b6.svg", "2708-fe0f.svg", "1f680.svg");

    private Facing() {}

    static boolean mirror(Subject subject) {
        return FACING_RIGHT.contains(subject.file());
    }
}
