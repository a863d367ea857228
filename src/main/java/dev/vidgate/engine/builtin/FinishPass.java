package dev.vidgate.engine.builtin;

/**
 * The last step of every frame: convert the rendered colours to the encoder's YUV 4:2:0 (BT.601,
 * limited range; chroma averaged over 2x2 pixels) and apply the {@link Grade} and drifting fog on the
 * way, where a grade costs a table look-up per pixel and chroma work happens at quarter resolution.
 * Both happen in one pass over each pair of rows, so the frame is read once. {@link #toRgb} turns the graded planes back into colours for the preview images.
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

    /**
     * Converts the frame and grades it, in one pass over each pair of rows; true if the planes now differ
     * from the frame's pixels.
     */
    static boolean apply(FrameBuffer frame, Grade grade, FogRows fog) {
        Look look = grade.isNeutral() && fog == null ? null : new Look(grade, fog, Planes.of(frame));
        Planes planes = Planes.of(frame);
        int w = planes.width();
        int h = planes.height();
        int[] px = frame.pixels();
        byte[] yuv = frame.yuv();
        int cw = planes.chromaWidth();
        int[] top = frame.scratch(0, w);
        int[] bottom = frame.scratch(1, w);
        int[] lumaTop = frame.scratch(2, w);
        int[] lumaBottom = frame.scratch(3, w);
        int[] density0 = fog == null ? null : frame.scratch(FrameBuffer.BLEND, w);
        int[] density1 = fog == null ? null : frame.scratch(FrameBuffer.BLEND_OTHER, w);
        for (int y = 0; y < h; y += 2) {
            int row0 = y * w;
            int row1 = row0 + w;
            System.arraycopy(px, row0, top, 0, w);
            System.arraycopy(px, row1, bottom, 0, w);
            luma(top, lumaTop, w);
            luma(bottom, lumaBottom, w);
            // vertical pair sums, red and blue side by side in one int
            for (int x = 0; x < w; x++) {
                int a = top[x];
                int c = bottom[x];
                top[x] = (a & 0xFF00FF) + (c & 0xFF00FF);
                bottom[x] = ((a >> 8) & 0xFF) + ((c >> 8) & 0xFF);
            }
            if (look == null) {
                chroma(top, bottom, yuv, planes.u() + (y / 2) * cw, planes.v() + (y / 2) * cw, cw);
                for (int x = 0; x < w; x++) yuv[row0 + x] = (byte) lumaTop[x];
                for (int x = 0; x < w; x++) yuv[row1 + x] = (byte) lumaBottom[x];
                continue;
            }
            if (fog != null) {
                fog.density(y, density0);
                fog.density(y + 1, density1);
            }
            look.row(y, top, bottom, lumaTop, lumaBottom, density0, yuv);
            look.luma(y, lumaTop, density0, yuv, row0);
            look.luma(y + 1, lumaBottom, density1, yuv, row1);
        }
        return look != null;
    }

    /** U and V of one row of 2x2 blocks, from the blocks' vertical sums (red and blue packed, green apart). */
    private static void chroma(int[] rb, int[] g, byte[] yuv, int uAt, int vAt, int cw) {
        for (int cx = 0; cx < cw; cx++) {
            yuv[uAt + cx] = (byte) (u(rb, g, cx) + 128);
            yuv[vAt + cx] = (byte) (v(rb, g, cx) + 128);
        }
    }

    /** U (centred on 0) of 2x2 block {@code cx} from the vertical sums. */
    private static int u(int[] rb, int[] g, int cx) {
        int sum = rb[2 * cx] + rb[2 * cx + 1];
        return (-38 * (sum >>> 16) - 74 * (g[2 * cx] + g[2 * cx + 1]) + 112 * (sum & 0xFFFF) + 512) >> 10;
    }

    /** V (centred on 0) of 2x2 block {@code cx} from the vertical sums. */
    private static int v(int[] rb, int[] g, int cx) {
        int sum = rb[2 * cx] + rb[2 * cx + 1];
        return (112 * (sum >>> 16) - 94 * (g[2 * cx] + g[2 * cx + 1]) - 18 * (sum & 0xFFFF) + 512) >> 10;
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

    /** A grade (and fog) prepared for one frame: its tables, and how to apply it to a pair of rows. */
    private static final class Look {
        private final int[] lut;
        private final int[] castU = new int[256];
        private final int[] castV = new int[256];
        private final int[] vigX;
        private final int[] vigY;
        private final int[] washU;
        private final int[] washV;
        private final int sat;
        private final Grade grade;
        private final int height;
        private final double bar;
        private final int fogY;
        private final int fogU;
        private final int fogV;

        Look(Grade grade, FogRows fog, Planes planes) {
            this.grade = grade;
            this.height = planes.height();
            int cw = planes.chromaWidth();
            lut = lumaCurve(grade);
            for (int i = 0; i < 256; i++) {
                double t = Math.max(0, Math.min(1, (i - 16) / 219.0));
                castU[i] = (int) Math.round(grade.shadows().u() * (1 - t) + grade.highlights().u() * t);
                castV[i] = (int) Math.round(grade.shadows().v() * (1 - t) + grade.highlights().v() * t);
            }
            vigX = vignette(planes.width(), grade.vignette());
            vigY = vignette(height, grade.vignette());
            washU = new int[cw];
            washV = new int[cw];
            for (int cx = 0; cx < cw; cx++) {
                double u = (cx + 0.5) / cw;
                washU[cx] = (int) Math.round(grade.leftWash().u() + (grade.rightWash().u() - grade.leftWash().u()) * u);
                washV[cx] = (int) Math.round(grade.leftWash().v() + (grade.rightWash().v() - grade.leftWash().v()) * u);
            }
            sat = (int) Math.round(grade.saturation() * 256);
            bar = grade.letterbox() * height;
            if (fog == null) {
                fogY = fogU = fogV = 0;
            } else {
                int c = fog.colour();
                int r = (c >> 16) & 0xFF;
                int g = (c >> 8) & 0xFF;
                int b = c & 0xFF;
                fogY = ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
                fogU = ((-38 * r - 74 * g + 112 * b + 128) >> 8);
                fogV = ((112 * r - 94 * g - 18 * b + 128) >> 8);
            }
        }

        /** The graded U and V of rows {@code y, y + 1}; the colour cast follows the blocks' ungraded luma. */
        void row(int y, int[] rb, int[] g, int[] lumaTop, int[] lumaBottom, int[] density, byte[] yuv) {
            int cw = washU.length;
            int uAt = height * vigX.length + (y / 2) * cw;
            int vAt = uAt + cw * (height / 2);
            double ny = (y + 1.0) / height;
            double light = grade.topLight() + (grade.bottomLight() - grade.topLight()) * ny;
            int rowU = (int) Math.round(grade.topCast().u() + (grade.bottomCast().u() - grade.topCast().u()) * ny);
            int rowV = (int) Math.round(grade.topCast().v() + (grade.bottomCast().v() - grade.topCast().v()) * ny);
            int fc = (rowFactor(y, light) + rowFactor(y + 1, light)) >> 1;
            for (int cx = 0; cx < cw; cx++) {
                int x = 2 * cx;
                int avg = (lumaTop[x] + lumaTop[x + 1] + lumaBottom[x] + lumaBottom[x + 1]) >> 2;
                int u = ((u(rb, g, cx) * sat) >> 8) + castU[avg] + rowU + washU[cx];
                int v = ((v(rb, g, cx) * sat) >> 8) + castV[avg] + rowV + washV[cx];
                int k = (vigX[x] * fc) >> 8;
                u = (u * k) >> 8;
                v = (v * k) >> 8;
                if (density != null) {
                    int d = density[x];
                    u += ((fogU - u) * d) >> 8;
                    v += ((fogV - v) * d) >> 8;
                }
                yuv[uAt + cx] = (byte) Math.max(16, Math.min(240, 128 + u));
                yuv[vAt + cx] = (byte) Math.max(16, Math.min(240, 128 + v));
            }
        }

        /** Grades row {@code y}'s luma into the plane at {@code at}. */
        void luma(int y, int[] luma, int[] density, byte[] yuv, int at) {
            double light = grade.topLight() + (grade.bottomLight() - grade.topLight()) * ((y - (y & 1) + 1.0) / height);
            int factor = rowFactor(y, light);
            for (int x = 0; x < vigX.length; x++) {
                int v = lut[luma[x]] - 16;
                v = 16 + (((v * vigX[x]) >> 8) * factor >> 8);
                if (density != null) v += ((fogY - v) * density[x]) >> 8;
                yuv[at + x] = (byte) Math.min(255, Math.max(0, v));
            }
        }

        /** The luma factor (0..256 and a little above) of row {@code y}: bars, vignette and light gradient. */
        private int rowFactor(int y, double light) {
            double cover = Math.min(1, Math.max(0, bar - y)) + Math.min(1, Math.max(0, (y + 1) - (height - bar)));
            return (int) Math.round(Math.max(0, 1 - cover) * vigY[y] * light);
        }
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
