package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.FinishPass;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.prompt.PromptDirection.TimeOfDay;
import dev.vidgate.engine.builtin.prompt.PromptDirection;

import java.util.Random;

/**
 * The sea under an open sky: waves rolling towards the camera in perspective (two layers of noise
 * sliding at different speeds and scales), hazier towards the horizon, with the sun or moon glittering on
 * the crests beneath it. Rows near the horizon barely move when the camera pans; near rows move fully.
 */
final class SeaScene extends CameraScene {
    private static final int TEXTURE = 256;
    private static final int BANDS = 64;
    /** Texture heights of waves per unit of distance, and how much finer the ripples are across and along. */
    private static final double WAVE_ROWS = 1.1;
    private static final double RIPPLE_ROWS = 1.7;
    private static final double RIPPLE_COLUMNS = 1.9;

    private final SkyDome sky;
    private final MipTexture waves;
    private final MipTexture ripples;
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
        this.waves = new MipTexture(bytes(Noise.fractal(TEXTURE, TEXTURE, 3, 12, 4, 0.5, random.nextLong())), TEXTURE);
        this.ripples = new MipTexture(bytes(Noise.fractal(TEXTURE, TEXTURE, 6, 24, 3, 0.6, random.nextLong())), TEXTURE);
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
     * Sky, stars and sea are soft, so all are drawn at half resolution (a quarter of the work, and calmer
     * for the encoder) and left there for the {@link FinishPass} to scale up.
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
        int[] waveRow = frame.scratch(0, hw);
        int[] rippleRow = frame.scratch(1, hw);
        int[] sampleScratch = frame.scratch(2, Math.max(waves.scratchLength(hw), ripples.scratchLength(hw)));
        for (int y = first; y < hh; y++) {
            double below = (y + 0.5 - horizonRow) / hh; // frame heights below the horizon
            if (below <= 0) continue;
            double depth = Math.min(1, 0.12 + below * 2.2);
            CameraView view = camera.atDepth(depth);
            double ny = (y + 0.5) / hh - 0.5;
            double distance = distance(below);
            double rowZoom = view.rowZoom(ny);
            double wx0 = view.offsetX() + view.shear() * ny + (0.5 / hw - 0.5) / rowZoom;
            double wxStep = 1 / (hw * rowZoom);
            double v = distance * WAVE_ROWS + t * 0.09 * pace * swell;
            double u0 = wx0 * distance * 2.4 + t * 0.01 * pace;
            double uStep = wxStep * distance * 2.4;
            // texels of the wave texture one pixel covers, down the row (rows squeeze towards the horizon) and along it
            double down = (distance - distance(below + 1.0 / hh)) * WAVE_ROWS * TEXTURE;
            double along = Math.abs(uStep) * TEXTURE;
            waves.sampleRow(texel(v), Math.max(down, along), fixed(u0), fixed(uStep), waveRow, sampleScratch, hw);
            ripples.sampleRow(texel(v * RIPPLE_ROWS + t * 0.05 * pace + 0.37), Math.max(down * RIPPLE_ROWS, along * RIPPLE_COLUMNS),
                    fixed(u0 * RIPPLE_COLUMNS - t * 0.02 * pace), fixed(uStep * RIPPLE_COLUMNS), rippleRow, sampleScratch, hw);
            int band = (int) Math.min(BANDS - 1, Math.sqrt(Math.min(1, below * 2.2)) * (BANDS - 1));
            double glitterWidth = hw * (0.04 + 0.35 * below);
            shadeRow(px, y * hw, hw, bandColours[band], waveRow, rippleRow, sunScreenX, glitterWidth, Math.min(1, below * 6));
        }
        sky.paintSoftStars(camera, t, half, (int) Math.ceil(horizonRow));
        frame.pictureIsInHalf();
    }

    /** World distance of the sea surface seen {@code below} frame heights under the horizon. */
    private static double distance(double below) {
        return 0.08 / (below + 0.004);
    }

    private void shadeRow(int[] px, int row, int rowWidth, int[] colours, int[] waveRow, int[] rippleRow, double sunX,
                          double glitterWidth, double nearness) {
        for (int x = 0; x < rowWidth; x++) {
            int h = (waveRow[x] * 5 + rippleRow[x] * 3) >> 3;
            px[row + x] = colours[Math.max(0, Math.min(255, (h - 128) * 2 + 128))];
        }
        int glitterFrom = (int) Math.max(0, sunX - 2 * glitterWidth);
        int glitterTo = (int) Math.min(rowWidth, sunX + 2 * glitterWidth);
        for (int x = glitterFrom; x < glitterTo; x++) {
            int b = rippleRow[x];
            if (b <= 150) continue;
            double dx = (x - sunX) / glitterWidth;
            int peak = (int) ((b - 150) * 3.2 * Math.exp(-dx * dx) * (0.4 + 0.6 * nearness));
            if (peak > 0) px[row + x] = screen(px[row + x], glitterColour, Math.min(256, peak));
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
