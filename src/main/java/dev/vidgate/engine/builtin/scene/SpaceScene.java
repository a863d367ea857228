package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Resampler;
import dev.vidgate.engine.builtin.prompt.PromptDirection;

import java.awt.Color;
import java.util.Random;

/**
 * Deep space: a glowing nebula in the prompt's colours far away, two depths of stars that twinkle and
 * shift against each other as the camera moves, and sometimes a lit planet with a thin atmosphere. The
 * whole field drifts slowly, so even a still camera sees motion.
 */
final class SpaceScene extends CameraScene {
    private static final double NEBULA_DEPTH = 0.08;
    private static final double PLANET_DEPTH = 0.5;

    private final TextureLayer nebula;
    private final TextureLayer planet;
    private final double[] starX;
    private final double[] starY;
    private final double[] starDepth;
    private final double[] starBright;
    private final int[] starColour;
    private final double drift;

    SpaceScene(PromptDirection d, int width, int height, CameraPath path, Random random) {
        super(width, height, path);
        this.drift = 0.006 * d.pace() * (random.nextBoolean() ? 1 : -1);
        float hue = (float) (d.hasHue() ? d.hue() : random.nextDouble());
        this.nebula = nebula(hue, random);
        boolean wantsPlanet = random.nextInt(3) != 0;
        this.planet = wantsPlanet ? planet(hue + 0.5f, random) : null;
        int stars = 520;
        starX = new double[stars];
        starY = new double[stars];
        starDepth = new double[stars];
        starBright = new double[stars];
        starColour = new int[stars];
        for (int i = 0; i < stars; i++) {
            starX[i] = (random.nextDouble() - 0.5) * 2.4;
            starY[i] = (random.nextDouble() - 0.5) * 1.8;
            starDepth[i] = random.nextDouble() < 0.8 ? 0.25 : 0.8;
            starBright[i] = Math.pow(random.nextDouble(), 2.5);
            starColour[i] = PictureCanvas.mix(0xFFFFFF, Color.HSBtoRGB(random.nextBoolean() ? 0.6f : 0.1f, 0.4f, 1f) & 0xFFFFFF, 0.35);
        }
    }

    /** A colourful cloud of gas with faint stars baked in, at half resolution (it is soft). */
    private TextureLayer nebula(float hue, Random random) {
        int tw = Math.max(64, (int) (1.25 * width));
        int th = Math.max(32, (int) (0.75 * height));
        float[] shape = Noise.fractal(tw, th, 3, 2, 6, 0.55, random.nextLong());
        float[] tint = Noise.fractal(tw, th, 2, 2, 3, 0.5, random.nextLong());
        int a = Color.HSBtoRGB(hue, 0.75f, 0.85f) & 0xFFFFFF;
        int b = Color.HSBtoRGB(hue + 0.18f, 0.7f, 0.75f) & 0xFFFFFF;
        int[] texels = new int[tw * th];
        for (int i = 0; i < texels.length; i++) {
            double glow = Math.pow(Math.max(0, shape[i] - 0.35) / 0.65, 1.8);
            int colour = PictureCanvas.mix(a, b, tint[i]);
            texels[i] = PictureCanvas.mix(0x020208, colour, Math.min(1, glow * 0.9));
        }
        for (int s = 0; s < tw * th / 400; s++) {
            int i = random.nextInt(texels.length);
            texels[i] = PictureCanvas.mix(texels[i], 0xFFFFFF, 0.3 + 0.5 * random.nextDouble());
        }
        return new TextureLayer(texels, tw, th, NEBULA_DEPTH, 2.5, -0.75, 1.5, true);
    }

    /** A sphere lit from one side, banded, with a glowing rim of atmosphere. */
    private TextureLayer planet(float hue, Random random) {
        int size = Math.max(16, (int) (height * 0.5));
        int[] texels = new int[size * size];
        float[] bands = Noise.fractal(size, size, 1, 6, 4, 0.5, random.nextLong());
        int base = Color.HSBtoRGB(hue, 0.45f, 0.8f) & 0xFFFFFF;
        int dark = Color.HSBtoRGB(hue + 0.05f, 0.6f, 0.35f) & 0xFFFFFF;
        double lx = -0.6;
        double ly = -0.4;
        double lz = 0.7;
        double r = size * 0.42;
        double c = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x + 0.5 - c) / r;
                double dy = (y + 0.5 - c) / r;
                double d2 = dx * dx + dy * dy;
                if (d2 < 1) {
                    double dz = Math.sqrt(1 - d2);
                    double light = Math.max(0, dx * lx + dy * ly + dz * lz);
                    int surface = PictureCanvas.mix(dark, base, bands[y * size + x]);
                    int lit = PictureCanvas.mix(0x000000, surface, Math.min(1, 0.06 + light * 1.1));
                    double edge = Math.min(1, (1 - Math.sqrt(d2)) * r); // anti-aliased rim
                    texels[y * size + x] = TextureLayer.premultiply(lit, edge);
                } else {
                    double halo = Math.max(0, 1 - (Math.sqrt(d2) - 1) / 0.12);
                    if (halo > 0) texels[y * size + x] = TextureLayer.premultiply(PictureCanvas.mix(base, 0xFFFFFF, 0.4), halo * halo * 0.45);
                }
            }
        }
        double worldSize = size / (double) height;
        double across = worldSize * height / width;
        // a wrapping layer twice as wide as the sphere, so it appears once; placed off-centre
        int tw = size * 8;
        int[] wide = new int[tw * size];
        int offset = (int) ((0.25 + 0.5 * random.nextDouble()) * tw);
        for (int y = 0; y < size; y++) System.arraycopy(texels, y * size, wide, y * tw + Math.min(tw - size, offset), size);
        return new TextureLayer(wide, tw, size, PLANET_DEPTH, across * 8, (random.nextDouble() - 0.5) * 0.4 - worldSize / 2, worldSize);
    }

    @Override
    void paint(double t, CameraView camera, FrameBuffer frame) {
        FrameBuffer half = frame.half();
        nebula.draw(camera, drift * t * 0.3, null, half, 0, half.height());
        Resampler.upscaleHalf(half, half.height(), frame, height);
        int[] px = frame.pixels();
        double unit = Glow.unit(width, height);
        for (int i = 0; i < starX.length; i++) {
            CameraView view = camera.atDepth(starDepth[i]);
            double wx = starX[i] + drift * t * starDepth[i];
            double sx = (view.screenX(wx, starY[i]) + 0.5) * width;
            double sy = (view.screenY(starY[i]) + 0.5) * height;
            if (sx < -4 || sy < -4 || sx > width + 4 || sy > height + 4) continue;
            double twinkle = 0.7 + 0.3 * Math.sin(t * (1.5 + 4 * Noise.hash(i, 23)) + 6.28 * Noise.hash(i, 29));
            double size = (0.7 + 2.2 * starBright[i] * starDepth[i]) * unit * view.zoom();
            Glow.screen(px, width, height, sx, sy, size * 2.4, starColour[i], (int) (150 + 106 * starBright[i] * twinkle));
        }
        if (planet != null) planet.draw(camera, drift * t * PLANET_DEPTH, frame);
    }
}
