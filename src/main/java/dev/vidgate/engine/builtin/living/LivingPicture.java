package dev.vidgate.engine.builtin.living;

import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.Resampler;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Life;
import dev.vidgate.engine.builtin.scene.CameraView;
import dev.vidgate.engine.builtin.scene.PictureCanvas;

import java.util.Set;

/**
 * Living pictures: the regions of a reference picture move by themselves while the camera does what the
 * prompt says. Water ripples and carries travelling waves (a displacement along a wave field, with a little
 * specular shimmer), foliage sways in a wind field that is stronger at the top of each clump, clouds drift and
 * steam or smoke rises (texture advection, two phases cross-faded so nothing wraps or jumps), and light sources
 * flicker (their luminance modulated). Every motion is weighted by a soft region mask that is 0 at the
 * region's border, so motion stops there without a seam, and ramps in over the first half second, so frame 0
 * is the picture itself.
 *
 * <p>Depth: a coarse estimate splits the picture into far, middle and near layers; when the camera moves,
 * the far layer follows it less and the near layer more (parallax). The layers blend over a few cells, so a
 * disoccluded edge is filled by stretching the layer behind it rather than left as a hole.
 *
 * <p>Everything per job is computed once ({@link #of}); a frame ({@link #apply}) works on int and byte
 * arrays without allocating, and only on the pixels that move.
 */
public final class LivingPicture {
    private static final int LUT_SIZE = 4096;
    private static final float[] SIN = new float[LUT_SIZE];
    private static final double TO_LUT = LUT_SIZE / (2 * Math.PI);
    /** How much of a camera move the far and the near layer make (the middle layer makes all of it). */
    static final double FAR_LAYER = 0.6;
    static final double NEAR_LAYER = 1.45;
    /** Seconds over which motion starts, and the period of the advection's two phases. */
    private static final double RAMP_SECONDS = 0.6;
    private static final double ADVECTION_PERIOD = 3;
    private static final int MIDDLE = 128;

    static {
        for (int i = 0; i < LUT_SIZE; i++) SIN[i] = (float) Math.sin(i * 2 * Math.PI / LUT_SIZE);
    }

    private final int width;
    private final int height;
    private final Motions motions;
    private final byte[] water;
    private final byte[] sway;
    private final byte[] sky;
    private final byte[] light;
    private final byte[] mist;
    /** Layer per pixel: 0 far .. {@value #MIDDLE} the camera's own layer .. 255 near. */
    private final byte[] nearness;
    /** The largest motion weight per pixel; 0 where nothing moves by itself. */
    private final byte[] active;
    /**
     * Per pixel, how many pixels from it to the right of its row are still and in the same whole layer
     * (middle, far or near), so a frame skips or copies such a span at once; 1 for any other pixel.
     */
    private final short[] span;

    private LivingPicture(int width, int height, Motions motions, RegionAnalysis regions) {
        this.width = width;
        this.height = height;
        this.motions = motions;
        this.water = map(motions.waves() + motions.ripples() > 0, regions, regions.mask(Region.WATER));
        float[] foliage = regions.mask(Region.FOLIAGE);
        if (motions.sway() > 0) {
            float[] top = regions.heightInClump();
            for (int c = 0; c < foliage.length; c++) foliage[c] *= 0.25f + 0.75f * top[c];
        }
        this.sway = map(motions.sway() > 0, regions, foliage);
        this.sky = map(motions.clouds() > 0, regions, regions.mask(Region.SKY));
        this.light = map(motions.flicker() > 0, regions, regions.mask(Region.LIGHT));
        this.mist = map(motions.rising() > 0, regions, regions.mask(Region.MIST));
        this.nearness = RegionMaps.upsample(DepthLayers.nearness(regions.depth()), regions, width, height);
        this.active = new byte[width * height];
        for (byte[] m : new byte[][] {water, sway, sky, light, mist}) {
            if (m == null) continue;
            for (int i = 0; i < active.length; i++) if ((m[i] & 255) > (active[i] & 255)) active[i] = m[i];
        }
        this.span = new short[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = width - 1, p = y * width + x; x >= 0; x--, p--) {
                int kind = stillKind(p);
                span[p] = kind >= 0 && x + 1 < width && stillKind(p + 1) == kind ? (short) Math.min(Short.MAX_VALUE, span[p + 1] + 1) : 1;
            }
        }
    }

    /** 0 still in the middle layer, 1 still in the far, 2 still in the near layer, -1 anything else. */
    private int stillKind(int p) {
        int layer = nearness[p] & 255;
        if (active[p] != 0) return -1;
        return Math.abs(layer - MIDDLE) <= 1 ? 0 : layer == 0 ? 1 : layer == 255 ? 2 : -1;
    }

    private byte[] map(boolean wanted, RegionAnalysis regions, float[] mask) {
        if (!wanted) return null;
        byte[] m = RegionMaps.upsample(mask, regions, width, height);
        return RegionMaps.any(m) ? m : null;
    }

    /**
     * Analyses {@code picture} (packed {@code 0x00RRGGBB}, {@code width x height}) for the motions the prompt's
     * living words ask for ({@code pace}: the prompt's pace, 1 normal).
     */
    public static LivingPicture of(int[] picture, int width, int height, Set<Life> life, double pace) {
        return new LivingPicture(width, height, Motions.of(life, pace), RegionAnalysis.of(picture, width, height));
    }

    /**
     * Redraws the pixels of frame {@code index} that move by themselves or sit in a far or near layer while
     * the camera moves; {@code out} holds the frame as the camera alone sees it ({@code view} of the picture in
     * {@code canvas}) and keeps every other pixel. {@code blend} and {@code other}: scratch rows of at least the
     * canvas width plus two (see {@link Resampler#copyRow}).
     */
    public void apply(int index, CameraView view, PictureCanvas canvas, int[] out, int[] blend, int[] other) {
        if (index <= 0) return;
        double t = index / (double) ClipFormat.FPS;
        Frame f = new Frame(t, RegionAnalysis.smoothstep(t / RAMP_SECONDS));
        // a dolly's perspective already makes lower rows nearer; layering it again fought that, so a dolly keeps it alone
        boolean camera = view.perspective() == 0 && !(view.zoom() == 1 && view.offsetX() == 0 && view.offsetY() == 0 && view.shear() == 0);
        if (!camera && motions.none()) return;
        double[] mid = new double[3];
        double[] far = new double[3];
        double[] near = new double[3];
        long[] fixed = new long[9];
        for (int y = 0; y < height; y++) {
            rowMapping(view, 1, y, mid);
            if (camera) {
                rowMapping(view, FAR_LAYER, y, far);
                rowMapping(view, NEAR_LAYER, y, near);
                fixedRow(mid, far, near, canvas, fixed);
            }
            row(y, camera, mid, far, near, fixed, f, canvas, out, blend, other);
        }
    }

    /** Per-frame constants: amplitudes in pixels, phases in radians. */
    private final class Frame {
        final double t;
        final float waveAmp, rippleAmp, shimmer, swayAmp, flicker, cloudSpeed, riseSpeed, mistWobble;
        final double offsetA, offsetB;
        final int weightA;

        Frame(double t, double ramp) {
            this.t = t;
            double side = Math.min(width, height);
            double pace = motions.pace();
            waveAmp = (float) (ramp * motions.waves() * Math.max(1.2, 0.006 * side));
            rippleAmp = (float) (ramp * motions.ripples() * Math.max(0.9, 0.004 * side));
            shimmer = (float) (ramp * Math.min(1, motions.waves() + motions.ripples()) * 0.08);
            swayAmp = (float) (ramp * motions.sway() * Math.max(1.4, 0.008 * side));
            double w = 2 * Math.PI * t * pace;
            flicker = (float) (ramp * motions.flicker() * 0.22
                    * (0.55 * Math.sin(w * 5.3) + 0.3 * Math.sin(w * 8.9 + 1) + 0.15 * Math.sin(w * 13.7 + 2)));
            cloudSpeed = (float) (motions.clouds() * pace * 0.012 * width);
            riseSpeed = (float) (motions.rising() * pace * 0.035 * height);
            mistWobble = (float) (ramp * motions.rising() * Math.max(1, 0.004 * side));
            double phaseA = frac(t / ADVECTION_PERIOD + 0.5);
            double phaseB = frac(t / ADVECTION_PERIOD);
            offsetA = (phaseA - 0.5) * ADVECTION_PERIOD;
            offsetB = (phaseB - 0.5) * ADVECTION_PERIOD;
            weightA = (int) Math.round(256 * (1 - Math.abs(2 * phaseA - 1)));
        }
    }

    private void row(int y, boolean camera, double[] mid, double[] far, double[] near, long[] fixed, Frame f, PictureCanvas canvas, int[] out,
                     int[] blend, int[] other) {
        int rowStart = y * width;
        double syM = mid[0];
        int iy = clamp((int) (syM + 0.5), height - 1) * width;
        double t = f.t * motions.pace();
        int waveT = lut(2 * Math.PI * 0.45 * t);
        int rippleT = lut(2 * Math.PI * 0.8 * t);
        int swayT = lut(2 * Math.PI * 0.35 * t);
        int gustT = lut(2 * Math.PI * 0.83 * t);
        double waveK = 2 * Math.PI / (0.09 * width) * TO_LUT;
        double rippleK = 2 * Math.PI / (0.035 * width) * TO_LUT;
        double swayK = 2 * Math.PI / (0.25 * width) * TO_LUT;
        long sx0 = Resampler.fixed(mid[1] + 0.5);
        long sxStep = Resampler.fixed(mid[2]);
        for (int x = 0; x < width; x++) {
            int p = iy + sourceColumn(sx0, sxStep, x);
            int layer = camera ? nearness[p] & 255 : MIDDLE;
            int act = active[p] & 255;
            if (act == 0 && Math.abs(layer - MIDDLE) <= 1) { // the camera alone: already drawn
                if (camera) x = spanEnd(x, p - iy, sx0, sxStep, span[p]) - 1;
                continue;
            }
            if (act == 0 && (layer == 0 || layer == 255)) { // a run wholly in the far or near layer: one row copy
                int end = spanEnd(x, p - iy, sx0, sxStep, span[p]);
                double[] m = layer == 0 ? far : near;
                Resampler.copyRow(canvas.pixels, canvas.width, canvas.height, Resampler.fixed(m[0] + canvas.padY),
                        Resampler.fixed(m[1] + x * m[2] + canvas.padX), Resampler.fixed(m[2]), out, rowStart + x, end - x, blend, other);
                x = end - 1;
                continue;
            }
            if (act == 0) { // still pixels between two layers: their source in 16.16 fixed point, no doubles
                out[rowStart + x] = layered(x, layer, fixed, canvas);
                continue;
            }
            double sx = mid[1] + x * mid[2];
            double sy = syM;
            if (layer < MIDDLE) {
                double a = layer / (double) MIDDLE;
                double fx = far[1] + x * far[2];
                sx = fx + (sx - fx) * a;
                sy = far[0] + (sy - far[0]) * a;
            } else if (layer > MIDDLE) {
                double a = (layer - MIDDLE) / 127.0;
                double nx = near[1] + x * near[2];
                sx = sx + (nx - sx) * a;
                sy = sy + (near[0] - sy) * a;
            }
            double dx = 0;
            double dy = 0;
            double gain = 0;
            double advX = 0;
            double advY = 0;
            if (act != 0) {
                if (water != null && water[p] != 0) {
                    float ww = (water[p] & 255) / 255f;
                    int ph = (int) (waveK * (sy + 0.3 * sx)) - waveT;
                    dy += f.waveAmp * ww * sin(ph);
                    dx += 0.3 * f.waveAmp * ww * sin(ph + LUT_SIZE / 4);
                    int r1 = (int) (rippleK * (sx + 0.5 * sy)) + rippleT;
                    int r2 = (int) (rippleK * (0.7 * sx - sy) * 1.3) - rippleT;
                    dy += f.rippleAmp * ww * (sin(r1) + sin(r2)) * 0.5;
                    dx += f.rippleAmp * ww * sin(r1 + LUT_SIZE / 4) * 0.5;
                    gain += f.shimmer * ww * sin(2 * ph + r1);
                }
                if (sway != null && sway[p] != 0) {
                    float ws = (sway[p] & 255) / 255f;
                    int ph = (int) (swayK * (sx + 0.4 * sy)) + swayT;
                    dx += f.swayAmp * ws * (0.7 * sin(ph) + 0.3 * sin(2 * (int) (swayK * sy) + gustT));
                    dy += 0.25 * f.swayAmp * ws * sin(ph + LUT_SIZE / 4);
                }
                if (light != null && light[p] != 0) {
                    gain += f.flicker * (light[p] & 255) / 255f * (1 + 0.4 * sin((int) (swayK * 3 * (sx + sy)) + gustT));
                }
                if (sky != null) advX = f.cloudSpeed * (sky[p] & 255) / 255f;
                if (mist != null && mist[p] != 0) {
                    float wm = (mist[p] & 255) / 255f;
                    advY = -f.riseSpeed * wm;
                    dx += f.mistWobble * wm * sin((int) (rippleK * 0.5 * sy) + swayT);
                }
            }
            double cx = sx + dx + canvas.padX;
            double cy = sy + dy + canvas.padY;
            int c;
            if (advX != 0 || advY != 0) {
                int a = Bilinear.sample(canvas, cx - advX * f.offsetA, cy - advY * f.offsetA);
                int b = Bilinear.sample(canvas, cx - advX * f.offsetB, cy - advY * f.offsetB);
                c = Bilinear.mix(b, a, f.weightA);
            } else {
                c = Bilinear.sample(canvas, cx, cy);
            }
            out[rowStart + x] = gain == 0 ? c : Bilinear.scale(c, 1 + gain);
        }
    }

    /**
     * A still pixel of the transition between the middle and the far or near layer: its source moves from
     * the middle layer's to that layer's with the pixel's layer weight (as the moving pixels' path does).
     * {@code fixed}: the row's mappings in canvas 16.16 fixed point (see {@link #fixedRow}).
     */
    private static int layered(int x, int layer, long[] fixed, PictureCanvas canvas) {
        int o = layer < MIDDLE ? 3 : 6;
        int a = layer < MIDDLE ? 256 - 2 * layer : ((layer - MIDDLE) * 258) >> 7; // share of the other layer, /256
        long mx = fixed[1] + x * fixed[2];
        long ox = fixed[o + 1] + x * fixed[o + 2];
        return Bilinear.sampleFixed(canvas, mx + ((ox - mx) * a >> 8), fixed[0] + ((fixed[o] - fixed[0]) * a >> 8));
    }

    /** The middle, far and near mappings of a row as {@code {y, x of the first pixel, step}} each, in canvas 16.16 fixed point. */
    private static void fixedRow(double[] mid, double[] far, double[] near, PictureCanvas canvas, long[] into) {
        double[][] all = {mid, far, near};
        for (int k = 0; k < 3; k++) {
            into[3 * k] = Resampler.fixed(all[k][0] + canvas.padY);
            into[3 * k + 1] = Resampler.fixed(all[k][1] + canvas.padX);
            into[3 * k + 2] = Resampler.fixed(all[k][2]);
        }
    }

    /**
     * The first output pixel after {@code x} whose source lies past the span of {@code length} picture pixels
     * that starts at column {@code column}: the mapping only moves right, so that is one division.
     */
    private int spanEnd(int x, int column, long sx0, long sxStep, int length) {
        int after = column + length;
        if (after >= width) return width;
        long first = Math.ceilDiv(((long) after << 16) - sx0, sxStep);
        return (int) Math.max(x + 1, Math.min(width, first));
    }

    /** The picture column nearest to output column {@code x} ({@code sx0}: the first's plus a half, 16.16). */
    private int sourceColumn(long sx0, long sxStep, int x) {
        return clamp((int) ((sx0 + x * sxStep) >> 16), width - 1);
    }

    /**
     * Where output row {@code y} samples the picture for a layer that makes {@code share} of the camera's
     * move: {@code {source y, source x of the first pixel, step per pixel}}, in picture pixels (as
     * {@code ImageMotionSource} maps the camera).
     */
    private void rowMapping(CameraView v, double share, int y, double[] into) {
        double zoom = Math.pow(v.zoom(), share);
        double ny = (y + 0.5) / height - 0.5;
        double step = 1 / (zoom * (1 + v.perspective() * ny));
        into[0] = (v.offsetY() * share + 0.5) * height - 0.5 + (y + 0.5 - height / 2.0) / zoom;
        into[1] = (v.offsetX() * share + v.shear() * ny + 0.5) * width - 0.5 + (0.5 - width / 2.0) * step;
        into[2] = step;
    }

    private static float sin(int lutPhase) {
        return SIN[lutPhase & (LUT_SIZE - 1)];
    }

    private static int lut(double radians) {
        return (int) (radians * TO_LUT);
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : Math.min(max, v);
    }

    private static double frac(double v) {
        return v - Math.floor(v);
    }
}
