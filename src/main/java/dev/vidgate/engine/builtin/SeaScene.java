package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.PromptDirection.TimeOfDay;

import java.util.Random;

/**
 * The sea under an open sky: waves rolling towards the camera in perspective (two layers of noise
 * sliding at different speeds and scales), hazier towards the horizon, with the sun or moon glittering on
 * the crests beneath it. Rows near the horizon barely move when the camera pans; near rows move fully.
 */
final class SeaScene extends CameraScene {
    private static final int TEXTURE = 256;
    private static final int BANDS = 64;

    private final SkyDome sky;
    private final int[] waves;
    private final int[] ripples;
    private final int[][] bandColours = new int[BANDS][256];
    private final int glitterColour;
    private final double swell;
    private final double pace;

    SeaScene(PromptDirection direction, TimeOfDay time, int width, int height, CameraPath path, Random random) {
        super(width, height, path);
        this.pace = direction.pace();
        double horizon = -0.12 + random.nextDouble() * 0.16;
        double cloudCover = 0.15 + random.nextDouble() * 0.4;
        this.sky = new SkyDome(time, direction.hue(), horizon, cloudCover, pace, width, height, random);
        // wider than tall: waves are long crests across the view
        this.waves = bytes(Noise.fractal(TEXTURE, TEXTURE, 3, 12, 4, 0.5, random.nextLong()));
        this.ripples = bytes(Noise.fractal(TEXTURE, TEXTURE, 6, 24, 3, 0.6, random.nextLong()));
        this.swell = 0.8 + random.nextDouble() * 0.6;
        int deep = switch (time) {
            case DAY -> 0x0C3A64;
            case GOLDEN -> 0x1E3A52;
            case DAWN -> 0x2A3458;
            case SUNSET -> 0x2A1E3C;
            case NIGHT -> 0x03081A;
        };
        int haze = sky.horizonColour();
        int crest = PictureCanvas.mix(haze, 0xFFFFFF, time == TimeOfDay.NIGHT ? 0.05 : 0.25);
        this.glitterColour = sky.lightColour();
        for (int b = 0; b < BANDS; b++) {
            double far = 1 - b / (double) (BANDS - 1); // band 0 at the horizon
            int base = PictureCanvas.mix(deep, haze, 0.8 * far * far + 0.08);
            int top = PictureCanvas.mix(crest, haze, far * 0.5);
            for (int i = 0; i < 256; i++) {
                double hgt = i / 255.0;
                double lit = Math.pow(hgt, 1.8);
                bandColours[b][i] = PictureCanvas.mix(scale(base, 0.6 + 0.55 * hgt), top, lit * (0.45 + 0.4 * far));
            }
        }
    }

    private static int[] bytes(float[] noise) {
        int[] out = new int[noise.length];
        for (int i = 0; i < noise.length; i++) out[i] = Math.round(noise[i] * 255);
        return out;
    }

    private static int scale(int c, double f) {
        return PictureCanvas.mix(0, c, Math.min(1, f)) ;
    }

    /**
     * Sky and sea are soft, so both are drawn at half resolution and scaled up together (a quarter of the
     * work, and calmer for the encoder); the stars go on top at full resolution.
     */
    @Override
    void paint(double t, CameraView camera, FrameBuffer frame) {
        FrameBuffer half = frame.half();
        int hw = half.width();
        int hh = half.height();
        double horizonRow = sky.horizonRow(camera, hh);
        int first = Math.max(0, (int) Math.floor(horizonRow));
        sky.paintSoft(camera, t, half, Math.min(hh, first + 1));
        CameraView far = camera.atDepth(0.12);
        int[] px = half.pixels();
        double sunScreenX = (far.screenX(sky.sunX(), sky.horizon) + 0.5) * hw;
        for (int y = first; y < hh; y++) {
            double below = (y + 0.5 - horizonRow) / hh; // frame heights below the horizon
            if (below <= 0) continue;
            double depth = Math.min(1, 0.12 + below * 2.2);
            CameraView view = camera.atDepth(depth);
            double ny = (y + 0.5) / hh - 0.5;
            double distance = 0.08 / (below + 0.004);
            double rowZoom = view.rowZoom(ny);
            double wx0 = view.offsetX() + view.shear() * ny + (0.5 / hw - 0.5) / rowZoom;
            double wxStep = 1 / (hw * rowZoom);
            double v = distance * 1.1 + t * 0.09 * pace * swell;
            double u0 = wx0 * distance * 2.4;
            double uStep = wxStep * distance * 2.4;
            int band = (int) Math.min(BANDS - 1, Math.sqrt(Math.min(1, below * 2.2)) * (BANDS - 1));
            double glitterWidth = hw * (0.04 + 0.35 * below);
            shadeRow(px, y * hw, hw, bandColours[band], u0 + t * 0.01 * pace, uStep, v, t, sunScreenX, glitterWidth,
                    Math.min(1, below * 6));
        }
        Resampler.upscaleHalf(half, hh, frame, height);
        sky.paintStars(camera, t, frame, (int) Math.ceil(sky.horizonRow(camera, height)));
    }

    private void shadeRow(int[] px, int row, int rowWidth, int[] colours, double u0, double uStep, double v, double t,
                          double sunX, double glitterWidth, double nearness) {
        int vy = texel(v);
        int vy2 = texel(v * 1.7 + t * 0.05 * pace + 0.37);
        int wave0 = (vy >>> 16) * TEXTURE;
        int wave1 = ((vy >>> 16) + 1) % TEXTURE * TEXTURE;
        int waveF = (vy >>> 8) & 0xFF;
        int ripple0 = (vy2 >>> 16) * TEXTURE;
        int ripple1 = ((vy2 >>> 16) + 1) % TEXTURE * TEXTURE;
        int rippleF = (vy2 >>> 8) & 0xFF;
        long u = fixed(u0);
        long step = fixed(uStep);
        long u2 = fixed(u0 * 1.9 - t * 0.02 * pace);
        long step2 = fixed(uStep * 1.9);
        int glitterFrom = (int) Math.max(0, sunX - 2 * glitterWidth);
        int glitterTo = (int) Math.min(rowWidth, sunX + 2 * glitterWidth);
        for (int x = 0; x < rowWidth; x++, u += step, u2 += step2) {
            int a = bilinear(waves, wave0, wave1, waveF, (int) (u & MASK));
            int b = bilinear(ripples, ripple0, ripple1, rippleF, (int) (u2 & MASK));
            int h = (a * 5 + b * 3) >> 3;
            h = Math.max(0, Math.min(255, (h - 128) * 2 + 128));
            int c = colours[h];
            if (x >= glitterFrom && x < glitterTo && b > 150) {
                double dx = (x - sunX) / glitterWidth;
                int peak = (int) ((b - 150) * 3.2 * Math.exp(-dx * dx) * (0.4 + 0.6 * nearness));
                if (peak > 0) c = screen(c, glitterColour, Math.min(256, peak));
            }
            px[row + x] = c;
        }
    }

    private static final int MASK = (TEXTURE << 16) - 1;

    private static int texel(double v) {
        double wrapped = v - Math.floor(v);
        return (int) (wrapped * TEXTURE * 65536) & MASK;
    }

    private static long fixed(double texturesAcross) {
        return Math.round(texturesAcross * TEXTURE * 65536);
    }

    /** Bilinear sample of a wrapping texture between rows {@code r0} and {@code r1} at 16.16 column {@code x}. */
    private static int bilinear(int[] texture, int r0, int r1, int fy, int x) {
        int x0 = x >>> 16;
        int x1 = (x0 + 1) & (TEXTURE - 1);
        int fx = (x >>> 8) & 0xFF;
        int top = texture[r0 + x0] * (256 - fx) + texture[r0 + x1] * fx;
        int bottom = texture[r1 + x0] * (256 - fx) + texture[r1 + x1] * fx;
        return (top * (256 - fy) + bottom * fy) >>> 16;
    }

    private static int screen(int p, int colour, int a) {
        int sr = (((colour >> 16) & 0xFF) * a) >> 8;
        int sg = (((colour >> 8) & 0xFF) * a) >> 8;
        int sb = ((colour & 0xFF) * a) >> 8;
        int pr = (p >> 16) & 0xFF;
        int pg = (p >> 8) & 0xFF;
        int pb = p & 0xFF;
        return ((pr + sr - pr * sr / 255) << 16) | ((pg + sg - pg * sg / 255) << 8) | (pb + sb - pb * sb / 255);
    }
}
