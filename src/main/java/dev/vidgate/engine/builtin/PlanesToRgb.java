package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FinishPass;
import dev.vidgate.engine.builtin.frame.YuvPlanes;

/**
 * The encoder's YUV 4:2:0 planes (BT.601, limited range; see {@link FinishPass}) back to packed
 * {@code 0x00RRGGBB} colours, for the preview images: what the video shows, looks included. The planes
 * lie as {@link YuvPlanes} says, for a frame of even width and height.
 */
final class PlanesToRgb {
    private PlanesToRgb() {}

    /**
     * Every pixel, into {@code out} (width times height). Each row's chroma is first spread to full
     * width, so that the conversion loop indexes all its arrays alike (and is vectorised).
     */
    static void full(byte[] yuv, YuvPlanes planes, int[] out) {
        int width = planes.width();
        int height = planes.height();
        int cw = planes.chromaWidth();
        int uAt = planes.u();
        int vAt = planes.v();
        int[] us = new int[width];
        int[] vs = new int[width];
        int[] luma = new int[width];
        for (int y = 0; y < height; y++) {
            int cRow = (y / 2) * cw;
            if ((y & 1) == 0) {
                for (int cx = 0; cx < cw; cx++) {
                    int d = (yuv[uAt + cRow + cx] & 0xFF) - 128;
                    int e = (yuv[vAt + cRow + cx] & 0xFF) - 128;
                    us[2 * cx] = d;
                    us[2 * cx + 1] = d;
                    vs[2 * cx] = e;
                    vs[2 * cx + 1] = e;
                }
            }
            int row = y * width;
            for (int x = 0; x < width; x++) luma[x] = 298 * ((yuv[row + x] & 0xFF) - 16);
            convert(luma, us, vs, out, row, width);
        }
    }

    /**
     * A quarter of the pixels, into {@code out} (chroma width times chroma height): each from the mean luma
     * of a 2x2 block and the block's own chroma sample, the same as converting every pixel and averaging
     * each block (but for rounding and clipping) at about a third of the work.
     */
    static void half(byte[] yuv, YuvPlanes planes, int[] out) {
        int width = planes.width();
        int cw = planes.chromaWidth();
        int ch = planes.chromaHeight();
        int uAt = planes.u();
        int vAt = planes.v();
        int[] us = new int[cw];
        int[] vs = new int[cw];
        int[] luma = new int[cw];
        for (int cy = 0; cy < ch; cy++) {
            int top = 2 * cy * width;
            int bottom = top + width;
            int cRow = cy * cw;
            for (int cx = 0; cx < cw; cx++) {
                int sum = (yuv[top + 2 * cx] & 0xFF) + (yuv[top + 2 * cx + 1] & 0xFF)
                        + (yuv[bottom + 2 * cx] & 0xFF) + (yuv[bottom + 2 * cx + 1] & 0xFF);
                luma[cx] = (298 * (sum - 64) + 2) >> 2;
            }
            for (int cx = 0; cx < cw; cx++) us[cx] = (yuv[uAt + cRow + cx] & 0xFF) - 128;
            for (int cx = 0; cx < cw; cx++) vs[cx] = (yuv[vAt + cRow + cx] & 0xFF) - 128;
            convert(luma, us, vs, out, cRow, cw);
        }
    }

    /** Colours from scaled luma ({@code 298 * (Y - 16)}) and centred chroma, {@code n} of them, into {@code out} at {@code at}. */
    private static void convert(int[] luma, int[] us, int[] vs, int[] out, int at, int n) {
        for (int x = 0; x < n; x++) {
            int c = luma[x];
            int d = us[x];
            int e = vs[x];
            int r = Math.max(0, Math.min(255, (c + 409 * e + 128) >> 8));
            int g = Math.max(0, Math.min(255, (c - 100 * d - 208 * e + 128) >> 8));
            int b = Math.max(0, Math.min(255, (c + 516 * d + 128) >> 8));
            out[at + x] = (r << 16) | (g << 8) | b;
        }
    }
}
