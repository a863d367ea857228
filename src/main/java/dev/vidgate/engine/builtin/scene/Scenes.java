package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.FrameSource;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Look;
import dev.vidgate.engine.builtin.prompt.PromptDirection.SceneKind;
import dev.vidgate.engine.builtin.prompt.PromptDirection.TimeOfDay;
import dev.vidgate.engine.builtin.prompt.PromptDirection;

import java.util.Random;

/** Chooses the procedural scene of a text-to-video clip from the prompt's scene words. */
public final class Scenes {
    private Scenes() {}

    public static FrameSource create(PromptDirection direction, int width, int height, CameraPath path, long seed) {
        Random random = new Random(seed);
        TimeOfDay time = timeOf(direction, random);
        return switch (direction.scene()) {
            case SEA -> new SeaScene(direction, time, width, height, path, random);
            case SKY -> OutdoorScenes.sky(direction, time, width, height, path, random);
            case CITY -> OutdoorScenes.city(direction, time, width, height, path, random);
            case FOREST -> OutdoorScenes.forest(direction, time, width, height, path, random);
            case FIRE -> new FireScene(direction, time, width, height, path, random);
            case SPACE -> new SpaceScene(direction, width, height, path, random);
            case ABSTRACT -> new ProceduralScene(width, height, path, direction.hue(), random.nextLong());
        };
    }

    /** The time of day the prompt names (as a time word or a look), or daylight most of the time. */
    static TimeOfDay timeOf(PromptDirection direction, Random random) {
        if (direction.time() != null) return direction.time();
        if (direction.has(Look.NIGHT)) return TimeOfDay.NIGHT;
        if (direction.has(Look.SUNSET)) return TimeOfDay.SUNSET;
        if (direction.has(Look.GOLDEN_HOUR)) return TimeOfDay.GOLDEN;
        if (direction.has(Look.NEON)) return TimeOfDay.NIGHT;
        if (direction.scene() == SceneKind.SPACE || direction.scene() == SceneKind.FIRE) return TimeOfDay.NIGHT;
        TimeOfDay[] likely = {TimeOfDay.DAY, TimeOfDay.DAY, TimeOfDay.GOLDEN, TimeOfDay.SUNSET, TimeOfDay.DAWN, TimeOfDay.NIGHT};
        return likely[random.nextInt(likely.length)];
    }

    /** Whether the scene paints golden hour, sunset and night itself (so the grade can stay light). */
    public static boolean paintsTimeOfDay(SceneKind scene) {
        return scene != SceneKind.ABSTRACT;
    }
}
