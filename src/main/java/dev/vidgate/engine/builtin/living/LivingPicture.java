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
 * <p>Everything per job is computed once ({@link #of}), down to how each picture row splits into runs of still
 * pixels at one layer and runs of moving ones ({@link RowRuns}); a frame ({@link #apply}) draws a still run as one
 * resampled row span and samples a moving pixel on its own, on int and byte arrays, allocating nothing per pixel.
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
    /** Values per anchor of the moving pixels' fields (see {@link #field}). */
    private static final int FIELD = 5;

    /** A map byte as a weight 0..1 (a table: a division per pixel costs more than the lookup). */
    private static final float[] WEIGHT = new float[256];
    /**
     * Per layer byte: below {@value #MIDDLE}, the middle layer's share against the far layer's; above, the near
     * layer's share against the middle's.
     */
    private static final double[] LAYER_SHARE = new double[256];

    static {
        for (int i = 0; i < LUT_SIZE; i++) SIN[i] = (float) Math.sin(i * 2 * Math.PI / LUT_SIZE);
        for (int i = 0; i < 256; i++) {
            WEIGHT[i] = i / 255f;
            LAYER_SHARE[i] = i < MIDDLE ? i / (double) MIDDLE : (i - MIDDLE) / 127.0;
        }
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
    private final RowRuns runs;
    /** Pixels between two anchors of the moving pixels' fields: 1 up to 639 pixels wide, then one per 320 pixels, at most 4. */
    private final int anchorStep;
    /** Wave numbers of the wave, ripple and sway fields, in sine table steps per picture pixel. */
    private final double waveK, rippleK, swayK;

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
        byte[] active = new byte[width * height];
        for (byte[] m : new byte[][] {water, sway, sky, light, mist}) {
            if (m == null) continue;
            for (int i = 0; i < active.length; i++) active[i] |= m[i];
        }
        this.runs = RowRuns.of(nearness, active, width, height);
        this.anchorStep = Math.max(1, Math.min(4, width / 320));
        this.waveK = 2 * Math.PI / (0.09 * width) * TO_LUT;
        this.rippleK = 2 * Math.PI / (0.035 * width) * TO_LUT;
        this.swayK = 2 * Math.PI / (0.25 * width) * TO_LUT;
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
     * Whether {@link #apply} draws every pixel of frame {@code index} itself (when the camera moves, the layers
     * move apart), so the camera's own sample of the frame can be left out.
     */
    public boolean drawsWholeFrame(int index, CameraView view) {
        return index > 0 && layered(view);
    }

    /** A camera move that separates the layers; a dolly's perspective already makes lower rows nearer, so a dolly keeps it alone. */
    private static boolean layered(CameraView view) {
        return view.perspective() == 0 && !(view.zoom() == 1 && view.offsetX() == 0 && view.offsetY() == 0 && view.shear() == 0);
    }

    /**
     * Draws frame {@code index}: every pixel when {@link #drawsWholeFrame}, else only the pixels that move by
     * themselves, over {@code out} holding the frame as the camera alone sees it ({@code view} of the picture in
     * {@code canvas}). {@code blend} and {@code other}: scratch rows of at least the canvas width plus two (see
     * {@link Resampler#copyRow}).
     */
    public void apply(int index, CameraView view, PictureCanvas canvas, int[] out, int[] blend, int[] other) {
        if (index <= 0) return;
        boolean camera = layered(view);
        if (!camera && motions.none()) return;
        double t = index / (double) ClipFormat.FPS;
        Frame f = new Frame(t, RegionAnalysis.smoothstep(t / RAMP_SECONDS));
        double[] mid = new double[3];
        double[] far = new double[3];
        double[] near = new double[3];
        for (int y = 0; y < height; y++) {
            rowMapping(view, 1, y, mid);
            if (camera) {
                rowMapping(view, FAR_LAYER, y, far);
                rowMapping(view, NEAR_LAYER, y, near);
            }
            row(y, camera, mid, far, near, f, canvas, out, blend, other);
        }
    }

    /** Per-frame constants (amplitudes in pixels, phases in radians) and the frame's scratch. */
    private final class Frame {
        final float waveAmp, rippleAmp, shimmer, swayAmp, flicker, cloudSpeed, riseSpeed, mistWobble;
        final double offsetA, offsetB;
        final int weightA;
        /** Phases of the wave, ripple, sway and gust fields, as sine table indices. */
        final int waveT, rippleT, swayT, gustT;
        /** Scratch: the fields at two anchors of a run of moving pixels (see {@link #moving}). */
        final double[] anchors = new double[2 * FIELD];

        Frame(double t, double ramp) {
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
            double tp = t * pace;
            waveT = lut(2 * Math.PI * 0.45 * tp);
            rippleT = lut(2 * Math.PI * 0.8 * tp);
            swayT = lut(2 * Math.PI * 0.35 * tp);
            gustT = lut(2 * Math.PI * 0.83 * tp);
        }
    }

    /**
     * Output row {@code y}: the runs of the picture row it shows (the nearest to the middle layer's source row),
     * each over the output columns whose middle-layer source falls in it.
     */
    private void row(int y, boolean camera, double[] mid, double[] far, double[] near, Frame f, PictureCanvas canvas, int[] out,
                     int[] blend, int[] other) {
        int iy = clamp((int) (mid[0] + 0.5), height - 1);
        long sx0 = Resampler.fixed(mid[1] + 0.5);
        long sxStep = Resampler.fixed(mid[2]);
        int first = runs.first(iy);
        int last = runs.last(iy);
        for (int r = first; r < last; r++) {
            int layer = runs.layer(r);
            if (layer != RowRuns.MOVING && !camera) continue; // the camera alone: already drawn
            int from = r == first ? 0 : outputColumn(runs.start(r), sx0, sxStep);
            int to = r == last - 1 ? width : outputColumn(runs.end(r), sx0, sxStep);
            if (from >= to) continue;
            if (layer == RowRuns.MOVING) moving(y, from, to, iy * width, camera, mid, far, near, sx0, sxStep, f, canvas, out);
            else still(y, from, to, layer, mid, far, near, canvas, out, blend, other);
        }
    }

    /**
     * Still pixels {@code from..to-1} of output row {@code y}, all at {@code layer}: their source moves from the
     * middle layer's towards the far or near layer's by the layer's weight (as a moving pixel's does), one span.
     */
    private void still(int y, int from, int to, int layer, double[] mid, double[] far, double[] near, PictureCanvas canvas, int[] out,
                       int[] blend, int[] other) {
        double a = 0;
        double[] o = mid;
        if (layer < MIDDLE - 1) {
            a = 1 - LAYER_SHARE[layer];
            o = far;
        } else if (layer > MIDDLE + 1) {
            a = LAYER_SHARE[layer];
            o = near;
        }
        double step = mid[2] + (o[2] - mid[2]) * a;
        double sx = mid[1] + (o[1] - mid[1]) * a + from * step;
        double sy = mid[0] + (o[0] - mid[0]) * a;
        Resampler.copyRow(canvas.pixels, canvas.width, canvas.height, Resampler.fixed(sy + canvas.padY), Resampler.fixed(sx + canvas.padX),
                Resampler.fixed(step), out, y * width + from, to - from, blend, other);
    }

    /**
     * Pixels {@code from..to-1} of output row {@code y} that move by themselves, each sampled on its own. Their
     * source position, advection and gain are smooth fields, worked out exactly at anchors {@link #anchorStep}
     * pixels apart and interpolated in between (on a 384-pixel-wide picture every pixel is an anchor).
     */
    private void moving(int y, int from, int to, int iy, boolean camera, double[] mid, double[] far, double[] near, long sx0, long sxStep,
                        Frame f, PictureCanvas canvas, int[] out) {
        int rowStart = y * width;
        double[] q = f.anchors;
        field(from, iy + sourceColumn(sx0, sxStep, from), camera, mid, far, near, f, canvas, q, 0);
        int x0 = from;
        while (x0 < to - 1) {
            int x1 = Math.min(x0 + anchorStep, to - 1);
            field(x1, iy + sourceColumn(sx0, sxStep, x1), camera, mid, far, near, f, canvas, q, FIELD);
            double inv = 1.0 / (x1 - x0);
            for (int k = 0; k < x1 - x0; k++) {
                double u = k * inv;
                out[rowStart + x0 + k] = pixel(q[0] + (q[5] - q[0]) * u, q[1] + (q[6] - q[1]) * u, q[2] + (q[7] - q[2]) * u,
                        q[3] + (q[8] - q[3]) * u, q[4] + (q[9] - q[4]) * u, f, canvas);
            }
            System.arraycopy(q, FIELD, q, 0, FIELD);
            x0 = x1;
        }
        out[rowStart + to - 1] = pixel(q[0], q[1], q[2], q[3], q[4], f, canvas);
    }

    /**
     * The motion of output pixel {@code x} (picture pixel {@code p}) into {@code q[at..at+4]}: canvas position x and
     * y, advection x and y, gain.
     */
    private void field(int x, int p, boolean camera, double[] mid, double[] far, double[] near, Frame f, PictureCanvas canvas,
                       double[] q, int at) {
        int layer = camera ? nearness[p] & 255 : MIDDLE;
        double sx = mid[1] + x * mid[2];
        double sy = mid[0];
        if (layer < MIDDLE) {
            double a = LAYER_SHARE[layer];
            double fx = far[1] + x * far[2];
            sx = fx + (sx - fx) * a;
            sy = far[0] + (sy - far[0]) * a;
        } else if (layer > MIDDLE) {
            double a = LAYER_SHARE[layer];
            double nx = near[1] + x * near[2];
            sx = sx + (nx - sx) * a;
            sy = sy + (near[0] - sy) * a;
        }
        double dx = 0;
        double dy = 0;
        double gain = 0;
        double advX = 0;
        double advY = 0;
        if (water != null && water[p] != 0) {
            float ww = WEIGHT[water[p] & 255];
            int ph = (int) (waveK * (sy + 0.3 * sx)) - f.waveT;
            dy += f.waveAmp * ww * sin(ph);
            dx += 0.3 * f.waveAmp * ww * sin(ph + LUT_SIZE / 4);
            int r1 = (int) (rippleK * (sx + 0.5 * sy)) + f.rippleT;
            int r2 = (int) (rippleK * (0.7 * sx - sy) * 1.3) - f.rippleT;
            dy += f.rippleAmp * ww * (sin(r1) + sin(r2)) * 0.5;
            dx += f.rippleAmp * ww * sin(r1 + LUT_SIZE / 4) * 0.5;
            gain += f.shimmer * ww * sin(2 * ph + r1);
        }
        if (sway != null && sway[p] != 0) {
            float ws = WEIGHT[sway[p] & 255];
            int ph = (int) (swayK * (sx + 0.4 * sy)) + f.swayT;
            dx += f.swayAmp * ws * (0.7 * sin(ph) + 0.3 * sin(2 * (int) (swayK * sy) + f.gustT));
            dy += 0.25 * f.swayAmp * ws * sin(ph + LUT_SIZE / 4);
        }
        if (light != null && light[p] != 0) {
            gain += f.flicker * WEIGHT[light[p] & 255] * (1 + 0.4 * sin((int) (swayK * 3 * (sx + sy)) + f.gustT));
        }
        if (sky != null) advX = f.cloudSpeed * WEIGHT[sky[p] & 255];
        if (mist != null && mist[p] != 0) {
            float wm = WEIGHT[mist[p] & 255];
            advY = -f.riseSpeed * wm;
            dx += f.mistWobble * wm * sin((int) (rippleK * 0.5 * sy) + f.swayT);
        }
        q[at] = sx + dx + canvas.padX;
        q[at + 1] = sy + dy + canvas.padY;
        q[at + 2] = advX;
        q[at + 3] = advY;
        q[at + 4] = gain;
    }

    /** One moving pixel: the canvas at {@code (cx, cy)}, advected in two cross-faded phases, times {@code 1 + gain}. */
    private static int pixel(double cx, double cy, double advX, double advY, double gain, Frame f, PictureCanvas canvas) {
        int c;
        if (advX != 0 || advY != 0) {
            int a = Bilinear.sample(canvas, fix(cx - advX * f.offsetA), fix(cy - advY * f.offsetA));
            int b = Bilinear.sample(canvas, fix(cx - advX * f.offsetB), fix(cy - advY * f.offsetB));
            c = Bilinear.mix(b, a, f.weightA);
        } else {
            c = Bilinear.sample(canvas, fix(cx), fix(cy));
        }
        return gain == 0 ? c : Bilinear.scale(c, 1 + gain);
    }

    /** The first output column whose middle-layer source column (nearest) is {@code column} or beyond. */
    private int outputColumn(int column, long sx0, long sxStep) {
        return (int) Math.max(0, Math.min(width, Math.ceilDiv(((long) column << 16) - sx0, sxStep)));
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

    /** A canvas position in 16.16 fixed point (truncated: 1/65536 of a pixel does not show, and a cast is cheaper than rounding). */
    private static long fix(double v) {
        return (long) (v * Resampler.ONE);
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
