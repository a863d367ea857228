package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FinishPass;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Grade.Cast;
import dev.vidgate.engine.builtin.frame.Grade;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Look;
import dev.vidgate.engine.builtin.prompt.PromptDirection;

import java.util.Random;

/**
 * The prompt's looks, applied to every frame on top of the camera move: a colour {@link Grade} per
 * look (composed in a fixed order), rain or snow, drifting fog and flicker, then the {@link FinishPass}.
 *
 * <p>For image-to-video the look develops over the first second: frame 0 is still the untouched
 * reference, and the grade, bars and weather fade in from there. Text-to-video scenes paint golden
 * hour, sunset and night into the scene itself, so those grades are applied lightly on top.
 */
public final class LookPass {
    /** Order in which looks compose: light first, weather, style, and black and white last. */
    private static final Look[] ORDER = {Look.GOLDEN_HOUR, Look.SUNSET, Look.NIGHT, Look.FOG, Look.RAIN, Look.SNOW,
            Look.NEON, Look.CINEMATIC, Look.FLICKER, Look.BLACK_AND_WHITE};
    private static final double SCENE_TIME_OF_DAY_STRENGTH = 0.35;
    /** A cinema picture: 2.39:1 in a landscape frame, 4:5 in a portrait one. */
    private static final double WIDE_ASPECT = 2.39;
    private static final double TALL_ASPECT = 0.8;

    private final Grade grade;
    private final Precipitation rain;
    private final Precipitation snow;
    private final FogBank fog;
    private final double flicker;
    private final long flickerSeed;
    private final double fadeSeconds;

    /**
     * @param fadeIn        start from the untouched picture and let the look develop (image-to-video)
     * @param sceneLit      the scene already shows the time of day (text-to-video)
     */
    public LookPass(PromptDirection direction, int width, int height, int frames, boolean fadeIn, boolean sceneLit, long seed) {
        Random random = new Random(seed);
        Grade g = Grade.NEUTRAL;
        for (Look look : ORDER) {
            if (!direction.has(look)) continue;
            Grade step = gradeOf(look, width, height);
            boolean timeOfDay = look == Look.GOLDEN_HOUR || look == Look.SUNSET || look == Look.NIGHT;
            g = g.then(sceneLit && timeOfDay ? step.scaled(SCENE_TIME_OF_DAY_STRENGTH) : step);
        }
        this.grade = g;
        this.rain = direction.has(Look.RAIN) ? new Precipitation(Precipitation.Kind.RAIN, width, height, random.nextLong()) : null;
        this.snow = direction.has(Look.SNOW) ? new Precipitation(Precipitation.Kind.SNOW, width, height, random.nextLong()) : null;
        int fogColour = direction.has(Look.NIGHT) ? 0x3A4250 : direction.has(Look.GOLDEN_HOUR) || direction.has(Look.SUNSET) ? 0xE6CDB0 : 0xD2D7DC;
        this.fog = direction.has(Look.FOG) ? new FogBank(width, height, 0.62, fogColour, direction.pace(), random.nextLong()) : null;
        this.flicker = direction.has(Look.FLICKER) ? 0.16 : 0;
        this.flickerSeed = random.nextLong();
        double seconds = frames / (double) ClipFormat.FPS;
        this.fadeSeconds = fadeIn ? Math.min(1.0, seconds / 4) : 0;
    }

    /** The first frame at which the look has fully developed (0 when it does not fade in or there is no look). */
    public int settledFrame() {
        boolean anything = !grade.isNeutral() || rain != null || snow != null || fog != null || flicker > 0;
        return anything && fadeSeconds > 0 ? (int) Math.ceil(fadeSeconds * ClipFormat.FPS) : 0;
    }

    /** Applies the looks to the rendered frame {@code index} and converts it for the encoder. */
    public void apply(int index, FrameBuffer frame) {
        double t = index / (double) ClipFormat.FPS;
        double strength = fadeSeconds <= 0 ? 1 : CameraPath.smoothstep(Math.min(1, t / fadeSeconds));
        Grade g = grade.scaled(strength);
        if (flicker > 0 && strength > 0) {
            double dip = flicker * strength * (0.65 * Noise.wobble(t * 5, flickerSeed) + 0.35 * Noise.wobble(t * 13, ~flickerSeed));
            g = g.brighter(1 - dip);
        }
        if (rain != null || snow != null) frame.scaleUpPicture();
        if (rain != null) rain.draw(t, frame.pixels(), strength);
        if (snow != null) snow.draw(t, frame.pixels(), strength);
        FinishPass.apply(frame, g, fog == null || strength <= 0 ? null : fog.at(t, strength));
    }

    private static Grade gradeOf(Look look, int width, int height) {
        return switch (look) {
            case GOLDEN_HOUR -> Grade.of(1.05, 1.06, 0.01, 0.95, cast(-8, 11), cast(-30, 20), 0.25)
                    .withGradient(1.05, cast(-10, 8), 0.97, cast(-4, 4));
            case SUNSET -> Grade.of(0.9, 1.1, 0, 0.95, cast(2, 14), cast(-26, 28), 0.35)
                    .withGradient(1.0, cast(4, 18), 0.92, cast(-16, 12));
            case NIGHT -> Grade.of(0.45, 1.15, 0.02, 0.55, cast(12, -6), cast(6, -4), 0.55)
                    .withGradient(0.9, Cast.NONE, 1.0, Cast.NONE);
            case FOG -> Grade.of(1.0, 0.75, 0.06, 0.7, cast(2, -1), Cast.NONE, 0);
            case RAIN -> Grade.of(0.8, 0.95, 0.02, 0.75, cast(8, -4), cast(4, -2), 0.3);
            case SNOW -> Grade.of(1.06, 0.92, 0.03, 0.8, cast(8, -4), cast(4, -3), 0.15);
            case NEON -> Grade.of(0.9, 1.25, 0, 1.5, cast(14, 10), cast(4, -8), 0.45)
                    .withWash(cast(10, 18), cast(14, -14));
            case BLACK_AND_WHITE -> Grade.of(1, 1.18, 0, 0, Cast.NONE, Cast.NONE, 0.2);
            case CINEMATIC -> Grade.of(1, 1.12, 0, 0.95, cast(8, -8), cast(-10, 8), 0.3)
                    .withLetterbox(barHeight(width, height));
            case FLICKER -> Grade.of(1, 1, 0, 1.05, Cast.NONE, cast(-8, 6), 0.2);
        };
    }

    private static Cast cast(double u, double v) {
        return Grade.cast(u, v);
    }

    /** The height of each bar, as a fraction of the frame, that leaves a cinema-shaped picture. */
    static double barHeight(int width, int height) {
        double aspect = width / (double) height;
        double target = width >= height ? WIDE_ASPECT : TALL_ASPECT;
        return aspect >= target ? 0 : (1 - aspect / target) / 2;
    }
}
