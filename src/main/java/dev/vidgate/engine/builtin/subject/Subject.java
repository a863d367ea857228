package dev.vidgate.engine.builtin.subject;

import java.util.List;

/**
 * Something the renderer can draw, from one line of the manifest.
 *
 * @param file    the SVG under {@code subjects/svg/}
 * @param kind    how it moves and where it stands
 * @param size    its height as a fraction of the frame height when nearest
 * @param english its English words (the first is its name)
 * @param chinese its Chinese words
 */
public record Subject(String file, Kind kind, double size, List<String> english, List<String> chinese) {
    public Subject {
        english = List.copyOf(english);
        chinese = List.copyOf(chinese);
    }

    /** Where a subject stands and how it moves by default. */
    public enum Kind {
        ANIMAL, PERSON, FLYER, SWIMMER, VEHICLE, BOAT, AIRCRAFT, THING, PLANT, BUILDING;

        /** Stands on the ground (casts a contact shadow). */
        boolean grounded() {
            return this != FLYER && this != SWIMMER && this != BOAT && this != AIRCRAFT;
        }

        /** Can carry a rider ("a cat on a motorcycle"). */
        boolean carries() {
            return this == VEHICLE || this == BOAT || this == ANIMAL;
        }

        /** Can ride something. */
        boolean rides() {
            return this == ANIMAL || this == PERSON;
        }
    }

    public String name() { return english.getFirst(); }
}
