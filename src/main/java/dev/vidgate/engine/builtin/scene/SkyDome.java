package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.prompt.PromptDirection.TimeOfDay;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Resampler;

import java.awt.Color;
import java.util.Random;

/**
 * The sky behind an outdoor scene: a gradient for the time of day (tinted by a colour the prompt names),
 * the sun or the moon with its glow, twinkling stars at night and a layer of drifting clouds. It sits
 * far away, so the camera moves it only a little.
 */
final class SkyDome {
    private static final double DEPTH = 0.12;
    private static final double CLOUD_DEPTH = 0.3;
    private static final int LUT = 512;
    /** The baked backdrop spans this many frame widths, and heights above the horizon. */
    private static final double SPAN_X = 2.5;
    private static final double SPAN_UP = 1.4;
    private static final double SPAN_DOWN = 0.15;

    final TimeOfDay time;
    /** The horizon's world y (centre-based fraction of the frame height). */
    final double horizon;
    private final int width;
    private final int height;
    private final int[] gradient = new int[LUT];
    private final int[] colours;
    private final double sunX;
    private final double sunY;
    private final double sunRadius;
    private final int sunColour;
    private final double[] starX;
    private final double[] starY;
    private final double[] starBright;
    private final TextureLayer clouds;
    private final double cloudDrift;
    private final TextureLayer backdrop;

    /**
     * @param cloudCover 0 (clear) .. 1 (overcast)
     * @param pace       how fast clouds drift, 1 normal
     */
    SkyDome(TimeOfDay time, double hue, double horizon, double cloudCover, double pace, int width, int height, Random random) {
        this.time = time;
        this.horizon = horizon;
        this.width = width;
        this.height = height;
        this.colours = palette(time, hue);
        for (int i = 0; i < LUT; i++) gradient[i] = along(colours, i / (double) (LUT - 1));
        double highness = switch (time) {
            case DAY -> 0.5;
            case GOLDEN -> 0.2;
            case DAWN -> 0.07;
            case SUNSET -> 0.035;
            case NIGHT -> 0.3;
        };
        this.sunX = (random.nextDouble() - 0.5) * 0.6;
        this.sunY = horizon - highness;
        this.sunRadius = time == TimeOfDay.NIGHT ? 0.028 : time == TimeOfDay.DAY ? 0.03 : 0.045;
        this.sunColour = switch (time) {
            case DAY -> 0xFFF6E0;
            case GOLDEN -> 0xFFD890;
            case DAWN -> 0xFFC8A0;
            case SUNSET -> 0xFF9A50;
            case NIGHT -> 0xDDE6FF;
        };
        int stars = time == TimeOfDay.NIGHT ? 420 : time == TimeOfDay.DAWN || time == TimeOfDay.SUNSET ? 60 : 0;
        starX = new double[stars];
        starY = new double[stars];
        starBright = new double[stars];
        for (int i = 0; i < stars; i++) {
            starX[i] = (random.nextDouble() - 0.5) * 2.2;
            starY[i] = horizon - 0.05 - random.nextDouble() * 1.2;
            starBright[i] = Math.pow(random.nextDouble(), 3);
        }
        this.clouds = cloudCover <= 0 ? null : cloudLayer(cloudCover, random.nextLong());
        this.cloudDrift = (0.006 + 0.006 * random.nextDouble()) * pace * (random.nextBoolean() ? 1 : -1);
        this.backdrop = bakeBackdrop();
    }

    /** Gradient, glow and sun at half the frame's resolution (the sky is smooth), sampled per frame. */
    private TextureLayer bakeBackdrop() {
        int tw = Math.max(8, (int) (SPAN_X * width / 2));
        int th = Math.max(8, (int) ((SPAN_UP + SPAN_DOWN) * height / 2));
        int[] texels = new int[tw * th];
        double top = horizon - SPAN_UP;
        for (int y = 0; y < th; y++) {
            double wy = top + (y + 0.5) / th * (SPAN_UP + SPAN_DOWN);
            java.util.Arrays.fill(texels, y * tw, (y + 1) * tw, gradient[(int) (Math.max(0, Math.min(1, horizon - wy)) * (LUT - 1))]);
        }
        double sx = (sunX + SPAN_X / 2) / SPAN_X * tw;
        double sy = (sunY - top) / (SPAN_UP + SPAN_DOWN) * th;
        double unit = height / 2.0;
        Glow.screen(texels, tw, th, sx, sy, unit * (time == TimeOfDay.DAY ? 0.35 : 0.6), sunColour, time == TimeOfDay.NIGHT ? 70 : 150);
        Glow.screen(texels, tw, th, sx, sy, unit * sunRadius * 2.2, sunColour, 256);
        Glow.screen(texels, tw, th, sx, sy, unit * sunRadius * 1.2, 0xFFFFFF, 256);
        return new TextureLayer(texels, tw, th, DEPTH, SPAN_X, top, SPAN_UP + SPAN_DOWN, true);
    }

    /** Colours from the horizon (first) to the top of the sky (last), for a time of day. */
    private static int[] palette(TimeOfDay time, double hue) {
        int[] p = switch (time) {
            case DAY -> new int[] {0xC4DDF0, 0x8DBBE6, 0x4F8BD0, 0x2F64B4};
            case GOLDEN -> new int[] {0xFFCE8A, 0xF2B47E, 0x9DA8C4, 0x5A7DB4};
            case DAWN -> new int[] {0xFFC2A0, 0xE8A3A8, 0x8F88B8, 0x3E4A86};
            case SUNSET -> new int[] {0xFF9440, 0xE0605A, 0x9A4A78, 0x2E2A66};
            case NIGHT -> new int[] {0x1E2C4E, 0x121C38, 0x0A1026, 0x050814};
        };
        if (Double.isNaN(hue)) return p;
        int[] tinted = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            float[] hsb = Color.RGBtoHSB((p[i] >> 16) & 0xFF, (p[i] >> 8) & 0xFF, p[i] & 0xFF, null);
            int target = Color.HSBtoRGB((float) hue, Math.max(0.45f, hsb[1]), hsb[2]) & 0xFFFFFF;
            tinted[i] = PictureCanvas.mix(p[i], target, 0.45);
        }
        return tinted;
    }

    /** The colour at {@code u} (0 = horizon, 1 = top) along evenly spaced stops. */
    private static int along(int[] stops, double u) {
        double x = Math.max(0, Math.min(1, u)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        return PictureCanvas.mix(stops[i], stops[i + 1], CameraPath.smoothstep(x - i));
    }

    int horizonColour() { return colours[0]; }

    int zenithColour() { return colours[colours.length - 1]; }

    int lightColour() { return sunColour; }

    /** The sun's (or moon's) world x, to place reflections under it. */
    double sunX() { return sunX; }

    private TextureLayer cloudLayer(double cover, long seed) {
        return clouds(width, height / 2, cover, CLOUD_DEPTH, horizon - 0.95, 0.98, seed);
    }

    /**
     * A wrapping layer of clouds lit for this sky's time of day, {@code tw x th} texels spanning two frame
     * widths and {@code worldHeight} frame heights from {@code worldTop}, thinning out towards its bottom.
     */
    TextureLayer clouds(int tw, int th, double cover, double depth, double worldTop, double worldHeight, long seed) {
        tw = Math.max(64, tw);
        th = Math.max(32, th);
        float[] n = Noise.fractal(tw, th, 6, 4, 6, 0.52, seed);
        int lit = switch (time) {
            case DAY -> 0xFFFFFF;
            case GOLDEN -> 0xFFE2B8;
            case DAWN -> 0xFFD2C8;
            case SUNSET -> 0xFFB090;
            case NIGHT -> 0x46506A;
        };
        int shade = PictureCanvas.mix(lit, colours[colours.length - 1], 0.55);
        int[] texels = new int[tw * th];
        double threshold = 0.62 - 0.32 * cover;
        for (int y = 0; y < th; y++) {
            double v = y / (double) (th - 1);
            double fade = CameraPath.smoothstep(Math.min(1, (1 - v) / 0.25));
            for (int x = 0; x < tw; x++) {
                double d = n[y * tw + x];
                double density = CameraPath.smoothstep(Math.max(0, Math.min(1, (d - threshold) / 0.28)));
                if (density <= 0.004) continue;
                double above = n[Math.max(0, y - 3) * tw + x];
                double light = Math.max(0, Math.min(1, 0.55 + 3.0 * (d - above)));
                int colour = PictureCanvas.mix(shade, lit, light);
                texels[y * tw + x] = TextureLayer.premultiply(colour, density * fade * 0.92);
            }
        }
        return new TextureLayer(texels, tw, th, depth, 2.0, worldTop, worldHeight);
    }

    /**
     * Paints the sky at {@code t} seconds over rows {@code 0..toRow-1} of the frame. The backdrop and the
     * clouds are soft, so they are drawn at half resolution and scaled up; stars are drawn sharp on top.
     */
    void paint(CameraView camera, double t, FrameBuffer frame, int toRow) {
        if (toRow <= 0) return;
        FrameBuffer half = frame.half();
        int halfRows = Math.min(half.height(), toRow / 2 + 2);
        paintSoft(camera, t, half, halfRows);
        Resampler.upscaleHalf(half, halfRows, frame, toRow);
        paintStars(camera, t, frame, toRow);
    }

    /** Paints the backdrop and clouds into rows {@code 0..rows-1} of a half-resolution buffer. */
    void paintSoft(CameraView camera, double t, FrameBuffer half, int rows) {
        backdrop.draw(camera, 0, null, half, 0, rows);
        if (clouds != null) clouds.draw(camera, cloudDrift * t, null, half, 0, rows);
    }

    /** Paints the stars, sharp, over rows {@code 0..toRow-1} of the full frame. */
    void paintStars(CameraView camera, double t, FrameBuffer frame, int toRow) {
        paintStars(camera, t, frame, toRow, Glow.unit(frame.width(), frame.height()));
    }

    /**
     * Paints the stars over rows {@code 0..toRow-1} of a half-resolution buffer, at the size they have in
     * the full frame (for scenes whose soft layers are drawn there).
     */
    void paintSoftStars(CameraView camera, double t, FrameBuffer half, int toRow) {
        paintStars(camera, t, half, toRow, Glow.unit(width, height) / 2);
    }

    /** Paints the stars over rows {@code 0..toRow-1} of {@code target} (any resolution), {@code unit} pixels per point. */
    private void paintStars(CameraView camera, double t, FrameBuffer target, int toRow, double unit) {
        int w = target.width();
        int h = target.height();
        int[] px = target.pixels();
        CameraView view = camera.atDepth(DEPTH);
        for (int i = 0; i < starX.length; i++) {
            double sy = (view.screenY(starY[i]) + 0.5) * h;
            if (sy > toRow + 2) continue;
            double twinkle = 0.65 + 0.35 * Math.sin(t * (2.1 + 3 * Noise.hash(i, 17)) + 6.28 * Noise.hash(i, 5));
            double sx = (view.screenX(starX[i], starY[i]) + 0.5) * w;
            double size = (0.6 + 1.4 * starBright[i]) * unit;
            Glow.screen(px, w, h, sx, sy, size * 2.2, 0xF2F4FF, (int) (110 + 146 * starBright[i] * twinkle));
        }
    }

    /** The frame row of the horizon for this camera. */
    double horizonRow(CameraView camera, int frameHeight) {
        return backdrop.screenRow(camera, horizon, frameHeight);
    }
}
