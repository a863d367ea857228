package dev.vidgate.engine.builtin.living;

/**
 * Finds water, sky and clouds, foliage and grass, light sources, and mist in a picture with classical
 * measures only (colour, texture, edges and position; no model, nothing downloaded), on a coarse grid of
 * cells about 1/90 of the shorter side, once per job. Each region becomes a soft mask that is 0 at the
 * region's border and rises to 1 a couple of cells inside it, so whatever moves by it stops at the border
 * without a seam. Also estimates depth (see {@link #depth}) and how high each foliage cell sits in its clump.
 */
final class RegionAnalysis {
    static final int CELLS_ACROSS_SHORT_SIDE = 90;

    final int gridWidth;
    final int gridHeight;
    /** Picture pixels per cell, horizontally and vertically. */
    final double cellWidth;
    final double cellHeight;
    final Region[] labels;
    private final float[] meanLuma;
    private final float[] saturation;
    private final float[] texture;
    private final float[] edges;

    private RegionAnalysis(int gw, int gh, double cw, double ch) {
        gridWidth = gw;
        gridHeight = gh;
        cellWidth = cw;
        cellHeight = ch;
        labels = new Region[gw * gh];
        meanLuma = new float[gw * gh];
        saturation = new float[gw * gh];
        texture = new float[gw * gh];
        edges = new float[gw * gh];
    }

    /** @param picture packed {@code 0x00RRGGBB}, {@code w x h} */
    static RegionAnalysis of(int[] picture, int w, int h) {
        double scale = Math.min(w, h) / (double) CELLS_ACROSS_SHORT_SIDE;
        int gw = Math.max(1, (int) Math.round(w / Math.max(1, scale)));
        int gh = Math.max(1, (int) Math.round(h / Math.max(1, scale)));
        RegionAnalysis a = new RegionAnalysis(gw, gh, w / (double) gw, h / (double) gh);
        a.measure(picture, w, h);
        return a;
    }

    private void measure(int[] picture, int w, int h) {
        int n = gridWidth * gridHeight;
        double[] r = new double[n];
        double[] g = new double[n];
        double[] b = new double[n];
        double[] l = new double[n];
        double[] l2 = new double[n];
        double[] grad = new double[n];
        int[] count = new int[n];
        int[] cellOfX = new int[w];
        for (int x = 0; x < w; x++) cellOfX[x] = Math.min(gridWidth - 1, (int) (x / cellWidth));
        for (int y = 0; y < h; y++) {
            int rowCell = Math.min(gridHeight - 1, (int) (y / cellHeight)) * gridWidth;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int p = picture[row + x];
                int c = rowCell + cellOfX[x];
                int pr = (p >> 16) & 255, pg = (p >> 8) & 255, pb = p & 255;
                double lum = 0.299 * pr + 0.587 * pg + 0.114 * pb;
                r[c] += pr;
                g[c] += pg;
                b[c] += pb;
                l[c] += lum;
                l2[c] += lum * lum;
                if (x + 1 < w && y + 1 < h) grad[c] += Math.abs(luma(picture[row + x + 1]) - lum) + Math.abs(luma(picture[row + w + x]) - lum);
                count[c]++;
            }
        }
        double total = 0;
        for (int c = 0; c < n; c++) total += l[c];
        double pictureLuma = total / Math.max(1, (double) w * h) / 255;
        for (int c = 0; c < n; c++) {
            double k = Math.max(1, count[c]);
            double mr = r[c] / k / 255, mg = g[c] / k / 255, mb = b[c] / k / 255, ml = l[c] / k / 255;
            double max = Math.max(mr, Math.max(mg, mb));
            double min = Math.min(mr, Math.min(mg, mb));
            double s = max <= 0 ? 0 : (max - min) / max;
            meanLuma[c] = (float) ml;
            saturation[c] = (float) s;
            texture[c] = (float) (Math.sqrt(Math.max(0, l2[c] / k / 65025 - ml * ml)));
            edges[c] = (float) (grad[c] / k / 255);
            labels[c] = classify(hue(mr, mg, mb, max, min), s, max, ml, texture[c], (c / gridWidth + 0.5) / gridHeight, pictureLuma);
        }
    }

    private static double luma(int p) {
        return 0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255);
    }

    /** Hue 0..1 (0 red, 1/3 green, 2/3 blue). */
    private static double hue(double r, double g, double b, double max, double min) {
        double d = max - min;
        if (d <= 1e-6) return 0;
        double h;
        if (max == r) h = ((g - b) / d) % 6;
        else if (max == g) h = (b - r) / d + 2;
        else h = (r - g) / d + 4;
        h /= 6;
        return h < 0 ? h + 1 : h;
    }

    /**
     * One cell's region from its mean colour, texture and height in the frame ({@code y} 0 top .. 1 bottom):
     * bright warm cells (or cells far brighter than a dark picture) are light; blue or pale smooth cells high
     * up are sky; blue cells lower down are water; green to yellow-green ones foliage; pale smooth grey low
     * down is mist.
     */
    static Region classify(double hue, double s, double v, double luma, double texture, double y, double pictureLuma) {
        boolean warm = hue < 0.17 || hue > 0.95;
        if ((luma > 0.8 && warm && s > 0.25) || (luma > 0.92 && pictureLuma < 0.45)) return Region.LIGHT;
        boolean blue = hue > 0.45 && hue < 0.72 && s > 0.12 && v > 0.15;
        if (y < 0.55 && texture < 0.08 && ((blue && v > 0.35) || (s < 0.18 && v > 0.6))) return Region.SKY;
        if (y > 0.35 && blue) return Region.WATER;
        if (hue > 0.16 && hue < 0.45 && s > 0.18 && v > 0.08 && v < 0.92) return Region.FOLIAGE;
        if (y >= 0.3 && s < 0.12 && v > 0.7 && texture < 0.04) return Region.MIST;
        return Region.OTHER;
    }

    /**
     * The soft mask of {@code region}: the cells' indicator blurred, then shifted so that it is 0 on the
     * region's border (where the blur is one half) and 1 well inside.
     */
    float[] mask(Region region) {
        float[] m = new float[labels.length];
        for (int c = 0; c < m.length; c++) m[c] = labels[c] == region ? 1 : 0;
        GridBlur.box(m, gridWidth, gridHeight, 2);
        GridBlur.box(m, gridWidth, gridHeight, 2);
        for (int c = 0; c < m.length; c++) m[c] = (float) smoothstep((m[c] - 0.5) / 0.4);
        return m;
    }

    /** For foliage cells, how high each sits in its column's clump (0 at the clump's foot, 1 at its top), blurred. */
    float[] heightInClump() {
        float[] t = new float[labels.length];
        for (int x = 0; x < gridWidth; x++) {
            int y = gridHeight - 1;
            while (y >= 0) {
                if (labels[y * gridWidth + x] != Region.FOLIAGE) {
                    y--;
                    continue;
                }
                int foot = y;
                while (y >= 0 && labels[y * gridWidth + x] == Region.FOLIAGE) y--;
                int run = foot - y;
                for (int k = 0; k < run; k++) t[(foot - k) * gridWidth + x] = (float) ((k + 1) / (double) run);
            }
        }
        GridBlur.box(t, gridWidth, gridHeight, 2);
        return t;
    }

    /**
     * A coarse depth estimate, 0 near .. 1 far: higher in the frame is farther, blur (few edges) and haze
     * (pale, low contrast) are farther, the sky is farthest. Smoothed so that layers blend over a few cells.
     */
    float[] depth() {
        int n = labels.length;
        double meanEdges = 0;
        for (float e : edges) meanEdges += e;
        meanEdges = Math.max(1e-4, meanEdges / n);
        float[] d = new float[n];
        for (int c = 0; c < n; c++) {
            double y = (c / gridWidth + 0.5) / gridHeight;
            double blur = 1 - Math.min(1, edges[c] / (2 * meanEdges));
            double haze = (1 - saturation[c]) * meanLuma[c] * (1 - Math.min(1, texture[c] / 0.1));
            d[c] = labels[c] == Region.SKY ? 1 : (float) Math.min(1, 0.7 * (1 - y) + 0.15 * blur + 0.15 * haze);
        }
        GridBlur.box(d, gridWidth, gridHeight, 3);
        GridBlur.box(d, gridWidth, gridHeight, 3);
        return d;
    }

    static double smoothstep(double t) {
        if (t <= 0) return 0;
        if (t >= 1) return 1;
        return t * t * (3 - 2 * t);
    }
}
