package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.scene.LayeredScene.Plane;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.prompt.PromptDirection.TimeOfDay;
import dev.vidgate.engine.builtin.prompt.PromptDirection;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Random;

/**
 * A campfire under the sky: flames licking upwards (noise scrolling up through a tapering flame shape,
 * coloured from deep red to white-hot), sparks rising and fading, logs and ground lit by the fire, a dark
 * tree line behind. Flames are computed at a quarter of the resolution (they are soft) and added on top.
 */
final class FireScene extends CameraScene {
    private static final int NOISE = 128;
    private static final int SCALE = 4;
    private static final int[] RAMP = ramp();

    private final LayeredScene backdrop;
    private final float[] noise;
    private final double fireX;
    private final double baseY;
    private final double halfWidth;
    private final double flameHeight;
    private final double pace;
    private final long seed;
    private final double[] sparkX;
    private final double[] sparkPhase;
    private final double[] sparkSpeed;

    FireScene(PromptDirection d, TimeOfDay time, int width, int height, CameraPath path, Random random) {
        super(width, height, path);
        this.pace = d.pace();
        this.fireX = (random.nextDouble() - 0.5) * 0.2;
        this.baseY = 0.3 + random.nextDouble() * 0.05;
        this.halfWidth = 0.1 + random.nextDouble() * 0.05;
        this.flameHeight = 0.5 + random.nextDouble() * 0.15;
        this.seed = random.nextLong();
        this.noise = Noise.fractal(NOISE, NOISE, 4, 4, 4, 0.55, random.nextLong());
        double horizon = 0.05 + random.nextDouble() * 0.05;
        SkyDome sky = new SkyDome(time, d.hue(), horizon, 0.1, pace, width, height, random);
        int treeColour = PictureCanvas.mix(sky.horizonColour(), 0x020304, 0.8);
        int th = height / 2;
        int[] treeTexels = Silhouettes.trees(2 * width, th, random, 40, 0.4, 0.95, treeColour, true, 0.1);
        TextureLayer trees = TextureLayer.withGround(treeTexels, 2 * width, th, th, 0.4, 2.0, horizon - 0.42, 1.0);
        TextureLayer ground = ground(random);
        this.backdrop = new LayeredScene(width, height, path, sky, List.of(Plane.far(trees), Plane.still(ground)), List.of(),
                horizon + 0.06);
        int sparks = 70;
        sparkX = new double[sparks];
        sparkPhase = new double[sparks];
        sparkSpeed = new double[sparks];
        for (int i = 0; i < sparks; i++) {
            sparkX[i] = (random.nextDouble() - 0.5) * halfWidth * 1.4;
            sparkPhase[i] = random.nextDouble();
            sparkSpeed[i] = 0.25 + random.nextDouble() * 0.35;
        }
    }

    /** Black through red, orange and yellow to white, by intensity 0..255; alpha-free (added). */
    private static int[] ramp() {
        int[] stops = {0x000000, 0x4A0802, 0xA82405, 0xE8580E, 0xFF9A2A, 0xFFC860, 0xFFEDB8};
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            double x = i / 255.0 * (stops.length - 1);
            int k = Math.min(stops.length - 2, (int) x);
            lut[i] = PictureCanvas.mix(stops[k], stops[k + 1], x - k);
        }
        return lut;
    }

    /** The ground in firelight, with the logs, from just above the fire's base to below the frame. */
    private TextureLayer ground(Random random) {
        int tw = 2 * width;
        int th = height;
        double top = baseY - 0.16;
        double span = 1.0;
        Silhouettes.Canvas canvas = Silhouettes.Canvas.of(tw, th);
        Graphics2D g = canvas.graphics();
        try {
            int groundTop = (int) ((baseY - 0.1 - top) / span * th);
            double cx = (fireX + 1.0) / 2.0 * tw;
            for (int y = groundTop; y < th; y++) {
                for (int x = 0; x < tw; x++) {
                    double dx = (x - cx) / (tw * 0.25);
                    double dy = (y - groundTop) / (th * 0.25);
                    double lit = Math.exp(-(dx * dx * 2 + dy * dy * 3));
                    int c = PictureCanvas.mix(0x0E0A08, 0x6A3414, lit);
                    double edge = Math.min(1, (y - groundTop) / (th * 0.03)); // soft far edge of the clearing
                    canvas.texels()[y * tw + x] = TextureLayer.premultiply(c, edge);
                }
            }
            double logY = (baseY - top) / span * th;
            double unit = tw / 2.0;
            for (int k = 0; k < 4; k++) {
                double len = unit * (0.16 + 0.06 * random.nextDouble());
                double thick = unit * 0.025;
                double angle = (k % 2 == 0 ? 1 : -1) * (0.25 + 0.2 * random.nextDouble());
                Graphics2D lg = (Graphics2D) g.create();
                lg.translate(cx + (random.nextDouble() - 0.5) * unit * 0.05, logY - thick * 0.5);
                lg.rotate(angle);
                lg.setColor(new Color(PictureCanvas.mix(0x2A170C, 0x8A4A20, random.nextDouble() * 0.5)));
                lg.fill(new RoundRectangle2D.Double(-len / 2, -thick / 2, len, thick, thick, thick));
                lg.dispose();
            }
        } finally {
            g.dispose();
        }
        return new TextureLayer(canvas.texels(), tw, th, 1.0, 2.0, top, span);
    }

    @Override
    void paint(double t, CameraView camera, FrameBuffer frame) {
        backdrop.paint(t, camera, frame);
        flames(camera, t, frame);
        sparks(camera, t, frame);
    }

    private void flames(CameraView camera, double t, FrameBuffer frame) {
        int fw = (width + SCALE - 1) / SCALE;
        int fh = (height + SCALE - 1) / SCALE;
        int[] field = frame.scratch(0, fw * fh);
        java.util.Arrays.fill(field, 0, fw * fh, 0);
        double flicker = 0.9 + 0.1 * Noise.wobble(t * 4 * pace, seed);
        int minX = fw;
        int maxX = -1;
        int minY = fh;
        int maxY = -1;
        for (int fy = 0; fy < fh; fy++) {
            double ny = ((fy + 0.5) * SCALE) / height - 0.5;
            double wy = camera.offsetY() + ny / camera.zoom();
            double v = (baseY - wy) / flameHeight;
            if (v < -0.1 || v > 1.3) continue;
            double rowZoom = camera.rowZoom(ny);
            for (int fx = 0; fx < fw; fx++) {
                double nx = ((fx + 0.5) * SCALE) / width - 0.5;
                double wx = camera.offsetX() + camera.shear() * ny + nx / rowZoom;
                double u = (wx - fireX) / halfWidth;
                if (u < -1.5 || u > 1.5) continue;
                double rise = Math.max(0, v);
                double body = 0.22 + 0.78 * Math.pow(Math.max(0, 1 - rise), 1.2);
                double sway = 0.12 * Math.sin(t * 1.7 * pace + v * 2.5);
                double n1 = sample(u * 0.55 + sway, v * 0.9 - t * 1.1 * pace);
                double n2 = sample(u * 1.3 - sway + 0.4, v * 1.9 - t * 1.9 * pace + 0.3);
                double across = u / (body * (0.75 + 0.5 * n1));
                double shape = Math.max(0, 1 - across * across) * CameraPath.smoothstep(Math.min(1, Math.max(0, (v + 0.06) / 0.2)))
                        * Math.pow(Math.max(0, 1 - rise), 0.6);
                if (shape <= 0) continue;
                double heat = (shape * 1.25 - (0.55 * n1 + 0.35 * n2) * (0.45 + 0.8 * rise)) * flicker;
                if (heat <= 0) continue;
                int i = (int) Math.min(255, Math.pow(heat, 1.3) * 255);
                field[fy * fw + fx] = RAMP[i];
                minX = Math.min(minX, fx);
                maxX = Math.max(maxX, fx);
                minY = Math.min(minY, fy);
                maxY = Math.max(maxY, fy);
            }
        }
        if (maxX < 0) return;
        addUpscaled(field, fw, fh, frame, Math.max(0, (minX - 1) * SCALE), Math.min(width, (maxX + 2) * SCALE),
                Math.max(0, (minY - 1) * SCALE), Math.min(height, (maxY + 2) * SCALE));
    }

    /**
     * Adds the quarter-resolution flame colours, bilinearly scaled up, to the frame inside a box. Each
     * field row is scaled across once, into {@code upper} or {@code lower}, and serves the
     * {@value #SCALE} or so frame rows that lie next to it.
     */
    private void addUpscaled(int[] field, int fw, int fh, FrameBuffer frame, int x0, int x1, int y0, int y1) {
        int[] px = frame.pixels();
        int span = x1 - x0;
        int[] first = new int[span];
        int[] second = new int[span];
        int[] weight = new int[span];
        for (int x = x0; x < x1; x++) {
            double sx = (x + 0.5) / SCALE - 0.5;
            first[x - x0] = Math.max(0, Math.min(fw - 1, (int) Math.floor(sx)));
            second[x - x0] = Math.min(fw - 1, first[x - x0] + 1);
            weight[x - x0] = sx < 0 ? 0 : (int) ((sx - Math.floor(sx)) * 256);
        }
        int[] upper = new int[span];
        int[] lower = new int[span];
        int upperRow = -1;
        int lowerRow = -1;
        for (int y = y0; y < y1; y++) {
            double sy = (y + 0.5) / SCALE - 0.5;
            int r0 = Math.max(0, Math.min(fh - 1, (int) Math.floor(sy)));
            int r1 = Math.min(fh - 1, r0 + 1);
            int wy = (int) ((sy - Math.floor(sy)) * 256);
            if (sy < 0) wy = 0;
            if (r0 != upperRow) {
                if (r0 == lowerRow) { // moving down a row: the lower row becomes the upper one
                    int[] swap = upper;
                    upper = lower;
                    lower = swap;
                    upperRow = lowerRow;
                    lowerRow = -1;
                } else {
                    scaleAcross(field, r0 * fw, first, second, weight, upper);
                    upperRow = r0;
                }
            }
            if (r1 != lowerRow) {
                scaleAcross(field, r1 * fw, first, second, weight, lower);
                lowerRow = r1;
            }
            int row = y * width + x0;
            for (int i = 0; i < span; i++) {
                int top = upper[i];
                int bottom = lower[i];
                if ((top | bottom) == 0) continue; // adding nothing (a blend of zeros is zero)
                px[row + i] = add(px[row + i], lerp(top, bottom, wy));
            }
        }
    }

    private static void scaleAcross(int[] field, int at, int[] first, int[] second, int[] weight, int[] out) {
        for (int i = 0; i < out.length; i++) out[i] = lerp(field[at + first[i]], field[at + second[i]], weight[i]);
    }

    private static int lerp(int p, int q, int f) {
        int g = 256 - f;
        return ((((p & 0xFF00FF) * g + (q & 0xFF00FF) * f) >>> 8) & 0xFF00FF) | ((((p & 0xFF00) * g + (q & 0xFF00) * f) >>> 8) & 0xFF00);
    }

    private static int add(int p, int q) {
        int r = Math.min(255, ((p >> 16) & 0xFF) + ((q >> 16) & 0xFF));
        int g = Math.min(255, ((p >> 8) & 0xFF) + ((q >> 8) & 0xFF));
        int b = Math.min(255, (p & 0xFF) + (q & 0xFF));
        return (r << 16) | (g << 8) | b;
    }

    private double sample(double u, double v) {
        return Noise.sample(noise, NOISE, u, v);
    }

    /** Sparks rise from the fire, wander and fade; each restarts when it burns out. */
    private void sparks(CameraView camera, double t, FrameBuffer frame) {
        int[] px = frame.pixels();
        double unit = Glow.unit(width, height) * camera.zoom();
        for (int i = 0; i < sparkX.length; i++) {
            double life = (sparkPhase[i] + t * sparkSpeed[i] * pace) % 1.0;
            double wy = baseY - flameHeight * 0.3 - life * 0.75;
            double wx = fireX + sparkX[i] + 0.03 * Math.sin(t * 2.3 + i) * life;
            double sx = (camera.screenX(wx, wy) + 0.5) * width;
            double sy = (camera.screenY(wy) + 0.5) * height;
            int peak = (int) (256 * (1 - life) * (1 - life));
            Glow.screen(px, width, height, sx, sy, 3.2 * unit, 0xFFB040, peak);
        }
    }
}
