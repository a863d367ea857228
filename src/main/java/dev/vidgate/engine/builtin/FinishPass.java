package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.Grade.Cast;

/**
 * The last step of every frame: convert the rendered colours to the encoder's YUV 4:2:0 (BT.601,
 * limited range; chroma averaged over 2x2 pixels), then apply the {@link Grade} and drifting fog to the
 * YUV planes, where a grade costs a table look-up per pixel and chroma work happens at quarter
 * resolution. {@link #toRgb} turns the graded planes back into colours for the preview images.
 */
final class FinishPass {
    private FinishPass() {}

    /** Where the planes of a frame's YUV 4:2:0 buffer start. */
    private record Planes(int width, int height, int chromaWidth, int u, int v) {
        static Planes of(FrameBuffer frame) {
            int w = frame.width();
            int h = frame.height();
            return new Planes(w, h, w / 2, w * h, w * h + (w / 2) * (h / 2));
        }
    }

    /** Fog for one frame: a colour and a density 0..256 per pixel, filled one row at a time. */
    interface FogRows {
        int colour();

        void density(int y, int[] out);
    }

    /** Converts the frame and grades it; true if the planes now differ from the frame's pixels. */
    static boolean apply(FrameBuffer frame, Grade grade, FogRows fog) {
        toYuv(frame);
        if (grade.isNeutral() && fog == null) return false;
        grade(frame, grade, fog);
        return true;
    }

    /**
     * RGB to YUV 4:2:0, BT.601 limited range, into the frame's YUV buffer. Works on copies of each pair
     * of rows so that every loop indexes its arrays alike, which lets the JIT vectorise all but the last
     * (see {@link Resampler}): about three times faster than the direct loop.
     */
    static void toYuv(FrameBuffer frame) {
        Planes planes = Planes.of(frame);
        int w = planes.width();
        int h = planes.height();
        int[] px = frame.pixels();
        byte[] yuv = frame.yuv();
        int uBase = planes.u();
        int vBase = planes.v();
        int cw = planes.chromaWidth();
        int[] top = frame.scratch(0, w);
        int[] bottom = frame.scratch(1, w);
        int[] lumaTop = frame.scratch(2, w);
        int[] lumaBottom = frame.scratch(3, w);
        for (int y = 0; y < h; y += 2) {
            int row0 = y * w;
            int row1 = row0 + w;
            int cRow = (y / 2) * cw;
            System.arraycopy(px, row0, top, 0, w);
            System.arraycopy(px, row1, bottom, 0, w);
            luma(top, lumaTop, w);
            luma(bottom, lumaBottom, w);
            for (int x = 0; x < w; x++) yuv[row0 + x] = (byte) lumaTop[x];
            for (int x = 0; x < w; x++) yuv[row1 + x] = (byte) lumaBottom[x];
            // vertical pair sums, red and blue side by side in one int
            for (int x = 0; x < w; x++) {
                int a = top[x];
                int c = bottom[x];
                top[x] = (a & 0xFF00FF) + (c & 0xFF00FF);
                bottom[x] = ((a >> 8) & 0xFF) + ((c >> 8) & 0xFF);
            }
            for (int cx = 0; cx < cw; cx++) {
                int rb = top[2 * cx] + top[2 * cx + 1];
                int r = rb >>> 16;
                int bl = rb & 0xFFFF;
                int g = bottom[2 * cx] + bottom[2 * cx + 1];
                yuv[uBase + cRow + cx] = (byte) (((-38 * r - 74 * g + 112 * bl + 512) >> 10) + 128);
                yuv[vBase + cRow + cx] = (byte) (((112 * r - 94 * g - 18 * bl + 512) >> 10) + 128);
            }
        }
    }

    private static void luma(int[] rgb, int[] out, int n) {
        for (int x = 0; x < n; x++) {
            int p = rgb[x];
            out[x] = ((66 * ((p >> 16) & 0xFF) + 129 * ((p >> 8) & 0xFF) + 25 * (p & 0xFF) + 128) >> 8) + 16;
        }
    }

    /**
     * YUV 4:2:0 back to RGB (for previews), into the frame's pixels. Each row's chroma is first spread to
     * full width so that the conversion loop indexes all its arrays alike (and is vectorised).
     */
    static void toRgb(FrameBuffer frame) {
        Planes planes = Planes.of(frame);
        int w = planes.width();
        int cw = planes.chromaWidth();
        int[] px = frame.pixels();
        byte[] yuv = frame.yuv();
        int[] us = frame.scratch(0, w);
        int[] vs = frame.scratch(1, w);
        for (int y = 0; y < planes.height(); y++) {
            int cRow = (y / 2) * cw;
            if ((y & 1) == 0) {
                for (int cx = 0; cx < cw; cx++) {
                    int d = (yuv[planes.u() + cRow + cx] & 0xFF) - 128;
                    int e = (yuv[planes.v() + cRow + cx] & 0xFF) - 128;
                    us[2 * cx] = d;
                    us[2 * cx + 1] = d;
                    vs[2 * cx] = e;
                    vs[2 * cx + 1] = e;
                }
            }
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int c = 298 * ((yuv[row + x] & 0xFF) - 16);
                int d = us[x];
                int e = vs[x];
                int r = Math.max(0, Math.min(255, (c + 409 * e + 128) >> 8));
                int g = Math.max(0, Math.min(255, (c - 100 * d - 208 * e + 128) >> 8));
                int b = Math.max(0, Math.min(255, (c + 516 * d + 128) >> 8));
                px[row + x] = (r << 16) | (g << 8) | b;
            }
        }
    }

    private static void grade(FrameBuffer frame, Grade grade, FogRows fog) {
        Planes planes = Planes.of(frame);
        int w = planes.width();
        int h = planes.height();
        int cw = planes.chromaWidth();
        byte[] yuv = frame.yuv();
        int uBase = planes.u();
        int vBase = planes.v();
        int[] lut = lumaCurve(grade);
        int[] castU = new int[256];
        int[] castV = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = Math.max(0, Math.min(1, (i - 16) / 219.0));
            castU[i] = (int) Math.round(grade.shadows().u() * (1 - t) + grade.highlights().u() * t);
            castV[i] = (int) Math.round(grade.shadows().v() * (1 - t) + grade.highlights().v() * t);
        }
        int[] vigX = vignette(w, grade.vignette());
        int[] vigY = vignette(h, grade.vignette());
        int[] washU = new int[cw];
        int[] washV = new int[cw];
        for (int cx = 0; cx < cw; cx++) {
            double u = (cx + 0.5) / cw;
            washU[cx] = (int) Math.round(grade.leftWash().u() + (grade.rightWash().u() - grade.leftWash().u()) * u);
            washV[cx] = (int) Math.round(grade.leftWash().v() + (grade.rightWash().v() - grade.leftWash().v()) * u);
        }
        int sat = (int) Math.round(grade.saturation() * 256);
        int[] density0 = fog == null ? null : frame.scratch(1, w);
        int[] density1 = fog == null ? null : frame.scratch(2, w);
        int fogY = 0;
        int fogU = 0;
        int fogV = 0;
        if (fog != null) {
            int c = fog.colour();
            int r = (c >> 16) & 0xFF;
            int g = (c >> 8) & 0xFF;
            int b = c & 0xFF;
            fogY = ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
            fogU = ((-38 * r - 74 * g + 112 * b + 128) >> 8);
            fogV = ((112 * r - 94 * g - 18 * b + 128) >> 8);
        }
        double bar = grade.letterbox() * h;
        for (int y = 0; y < h; y += 2) {
            double ny = (y + 1.0) / h;
            double light = grade.topLight() + (grade.bottomLight() - grade.topLight()) * ny;
            Cast rowCast = new Cast(grade.topCast().u() + (grade.bottomCast().u() - grade.topCast().u()) * ny,
                    grade.topCast().v() + (grade.bottomCast().v() - grade.topCast().v()) * ny);
            int rowU = (int) Math.round(rowCast.u());
            int rowV = (int) Math.round(rowCast.v());
            int f0 = rowFactor(y, h, bar, vigY, light);
            int f1 = rowFactor(y + 1, h, bar, vigY, light);
            int fc = (f0 + f1) >> 1;
            if (fog != null) {
                fog.density(y, density0);
                fog.density(y + 1, density1);
            }
            int row0 = y * w;
            int row1 = row0 + w;
            int cRow = (y / 2) * cw;
            for (int cx = 0; cx < cw; cx++) {
                int x = 2 * cx;
                int avg = ((yuv[row0 + x] & 0xFF) + (yuv[row0 + x + 1] & 0xFF) + (yuv[row1 + x] & 0xFF) + (yuv[row1 + x + 1] & 0xFF)) >> 2;
                int u = (yuv[uBase + cRow + cx] & 0xFF) - 128;
                int v = (yuv[vBase + cRow + cx] & 0xFF) - 128;
                u = ((u * sat) >> 8) + castU[avg] + rowU + washU[cx];
                v = ((v * sat) >> 8) + castV[avg] + rowV + washV[cx];
                int k = (vigX[x] * fc) >> 8;
                u = (u * k) >> 8;
                v = (v * k) >> 8;
                if (fog != null) {
                    int d = density0[x];
                    u += ((fogU - u) * d) >> 8;
                    v += ((fogV - v) * d) >> 8;
                }
                yuv[uBase + cRow + cx] = (byte) Math.max(16, Math.min(240, 128 + u));
                yuv[vBase + cRow + cx] = (byte) Math.max(16, Math.min(240, 128 + v));
            }
            gradeLuma(yuv, row0, w, lut, vigX, f0, density0, fogY);
            gradeLuma(yuv, row1, w, lut, vigX, f1, density1, fogY);
        }
    }

    private static void gradeLuma(byte[] yuv, int row, int w, int[] lut, int[] vigX, int factor, int[] density, int fogY) {
        for (int x = 0; x < w; x++) {
            int v = lut[yuv[row + x] & 0xFF] - 16;
            v = 16 + (((v * vigX[x]) >> 8) * factor >> 8);
            if (density != null) v += ((fogY - v) * density[x]) >> 8;
            yuv[row + x] = (byte) Math.min(255, Math.max(0, v));
        }
    }

    /** The luma factor (0..256 and a little above) of row {@code y}: bars, vignette and light gradient. */
    private static int rowFactor(int y, int h, double bar, int[] vigY, double light) {
        double cover = Math.min(1, Math.max(0, bar - y)) + Math.min(1, Math.max(0, (y + 1) - (h - bar)));
        return (int) Math.round(Math.max(0, 1 - cover) * vigY[y] * light);
    }

    /** Exposure, S-curve contrast and lift on limited-range luma. */
    private static int[] lumaCurve(Grade grade) {
        int[] lut = new int[256];
        double k = grade.contrast();
        for (int i = 0; i < 256; i++) {
            double x = Math.max(0, Math.min(1, (i - 16) / 219.0));
            double d = 2 * x - 1;
            double s = k == 1 ? x : 0.5 + 0.5 * d * k / (1 + (k - 1) * Math.abs(d));
            double v = s * grade.exposure() + grade.lift();
            lut[i] = 16 + (int) Math.round(Math.max(0, Math.min(1, v)) * 219);
        }
        return lut;
    }

    /** Factors 0..256 darkening towards both ends of an axis. */
    private static int[] vignette(int length, double strength) {
        int[] v = new int[length];
        for (int i = 0; i < length; i++) {
            double u = ((i + 0.5) / length - 0.5) * 2;
            v[i] = (int) Math.round(256 * (1 - strength * 0.55 * u * u));
        }
        return v;
    }
}
