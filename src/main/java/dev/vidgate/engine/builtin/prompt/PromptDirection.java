package dev.vidgate.engine.builtin.prompt;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a prompt asks of the renderer, as read by {@link PromptReader}: the camera moves in order, the
 * looks (light, weather, grade), the scene family for text-to-video, the ambient sounds, a colour and a
 * time of day. Everything has a sensible default, so any prompt, even an empty one, directs a clip.
 *
 * @param moves   camera moves in the order they happen; steps that start together share a {@code step} number
 * @param looks   light, weather and grading effects
 * @param scene   what a text-to-video clip shows
 * @param sounds  ambient layers of the sound bed; empty with {@code silent}
 * @param silent  the prompt asks for no sound
 * @param hue     a colour the prompt names, 0..1 around the colour wheel, or NaN
 * @param time    the time of day the prompt names, or null
 * @param pace    how lively the scene's own motion is (1 normal; slower or faster words change it)
 * @param life    what moves inside a picture (image-to-video): the regions the prompt names; empty for "whatever is found"
 */
public record PromptDirection(List<CameraMove> moves, Set<Look> looks, SceneKind scene, Set<Ambience> sounds, boolean silent,
                              double hue, TimeOfDay time, double pace,
                              Set<Life> life) {

    public PromptDirection {
        moves = List.copyOf(moves);
        looks = looks.isEmpty() ? EnumSet.noneOf(Look.class) : EnumSet.copyOf(looks);
        sounds = sounds.isEmpty() ? EnumSet.noneOf(Ambience.class) : EnumSet.copyOf(sounds);
        life = life.isEmpty() ? EnumSet.noneOf(Life.class) : EnumSet.copyOf(life);
    }

    public boolean has(Look look) { return looks.contains(look); }

    public boolean hasHue() { return !Double.isNaN(hue); }

    /** Anything the vocabulary can recognise; implemented by the enums below. */
    sealed interface Meaning permits MoveKind, Pace, Look, SceneKind, Ambience, Connector, Tint, TimeOfDay, Life {}

    /** A camera move. "Left" and "right" are where the camera turns, so the picture slides the other way. */
    public enum MoveKind implements Meaning { PUSH_IN, PULL_OUT, PAN_LEFT, PAN_RIGHT, TILT_UP, TILT_DOWN, ORBIT, DOLLY_IN, DOLLY_OUT, STATIC }

    /** Words that change how far and how fast a move goes. */
    enum Pace implements Meaning {
        VERY_SLOW(0.35), SLOW(0.6), GENTLE(0.6), FAST(1.7), DRAMATIC(2.2);

        final double factor;

        Pace(double factor) { this.factor = factor; }
    }

    public enum Look implements Meaning { GOLDEN_HOUR, SUNSET, NIGHT, FOG, RAIN, SNOW, NEON, BLACK_AND_WHITE, CINEMATIC, FLICKER }

    public enum SceneKind implements Meaning { SEA, SKY, CITY, FOREST, FIRE, SPACE, ABSTRACT }

    public enum Ambience implements Meaning { WAVES, WIND, RAIN, FIRE, CITY, BIRDS, MUSIC }

    /** Words that structure a prompt rather than describe it. */
    enum Connector implements Meaning { THEN, TOGETHER, NOT, SILENCE }

    /** A named colour, as a hue 0..1. */
    enum Tint implements Meaning {
        RED(0.0), ORANGE(0.07), GOLD(0.12), YELLOW(0.15), GREEN(0.33), TEAL(0.48), BLUE(0.6), PURPLE(0.76), PINK(0.9);

        final double hue;

        Tint(double hue) { this.hue = hue; }
    }

    public enum TimeOfDay implements Meaning { DAWN, DAY, GOLDEN, SUNSET, NIGHT }

    /**
     * Motion inside a picture (living pictures): which regions move and how. {@code STILL} asks for none;
     * no word at all lets every region found move gently.
     */
    public enum Life implements Meaning { WAVES, RIPPLES, SWAY, CLOUDS, FLICKER, RISING, STILL }
}
