package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Resampler;

/**
 * A picture placed in the world of a scene at some depth, drawn through the camera: near layers
 * (depth 1) move fully with the camera, far ones less, which gives parallax. The texture wraps around
 * horizontally, so it may drift (clouds, wind) forever; above and below it nothing is drawn. Texels are
 * premultiplied {@code 0xAARRGGBB}.
 *
 * <p>World coordinates are centre-based fractions of the frame: x across its width, y down its height.
 * The texture's horizontal middle sits at world x 0.
 */
final class TextureLayer {
    final int[] texels;
    final int width;
    /** Rows the layer spans, including any ground rows (see {@link #withGround}). */
    final int height;
    /** Rows held in {@link #texels}; rows from {@code rows - 1} to {@link #height} repeat the last of them. */
    private final int rows;
    private final double depth;
    private final double worldWidth;
    private final double worldTop;
    private final double worldHeight;
    private final boolean opaque;
    /** Rows with no visible texel, skipped when drawing. */
    private final boolean[] emptyRow;
    /**
     * Rows equal to the row below (a ground or wall extended downwards): between two such rows there is
     * nothing to blend, and blending is most of the cost of drawing a row.
     */
    private final boolean[] sameAsNext;

    /**
     * @param worldWidth  how many frame widths the texture spans before it repeats
     * @param worldTop    the world y of its top edge
     * @param worldHeight how many frame heights it spans
     */
    TextureLayer(int[] texels, int width, int height, double depth, double worldWidth, double worldTop, double worldHeight) {
        this(texels, width, height, height, depth, worldWidth, worldTop, worldHeight, false);
    }

    /**
     * A layer whose last row continues {@code groundRows} more rows downwards (the ground or a wall
     * going on below the frame), without storing them: {@code worldHeight} spans all
     * {@code height + groundRows} rows.
     */
    static TextureLayer withGround(int[] texels, int width, int height, int groundRows, double depth, double worldWidth,
                                   double worldTop, double worldHeight) {
        return new TextureLayer(texels, width, height, height + groundRows, depth, worldWidth, worldTop, worldHeight, false);
    }

    /**
     * @param opaque the texels are opaque {@code 0x00RRGGBB} and replace what is below; such a layer does
     *               not wrap: beyond its edges the edge texels repeat
     */
    TextureLayer(int[] texels, int width, int height, double depth, double worldWidth, double worldTop, double worldHeight,
                 boolean opaque) {
        this(texels, width, height, height, depth, worldWidth, worldTop, worldHeight, opaque);
    }

    private TextureLayer(int[] texels, int width, int rows, int height, double depth, double worldWidth, double worldTop,
                         double worldHeight, boolean opaque) {
        this.opaque = opaque;
        this.emptyRow = new boolean[rows];
        for (int y = 0; y < rows && !opaque; y++) {
            boolean empty = true;
            for (int x = 0; x < width && empty; x++) empty = texels[y * width + x] == 0;
            emptyRow[y] = empty;
        }
        if (texels.length != width * rows) throw new IllegalArgumentException("texels are not " + width + "x" + rows);
        this.sameAsNext = new boolean[rows];
        for (int y = 0; y + 1 < rows; y++) {
            sameAsNext[y] = java.util.Arrays.equals(texels, y * width, (y + 1) * width, texels, (y + 1) * width, (y + 2) * width);
        }
        this.texels = texels;
        this.width = width;
        this.rows = rows;
        this.height = height;
        this.depth = depth;
        this.worldWidth = worldWidth;
        this.worldTop = worldTop;
        this.worldHeight = worldHeight;
    }

    /** A sideways shift of each row, in frame widths (for sway). */
    @FunctionalInterface
    interface RowShift {
        double at(double worldY);
    }

    /** Lays the layer over {@code frame}, scrolled sideways by {@code drift} frame widths. */
    void draw(CameraView camera, double drift, FrameBuffer frame) {
        draw(camera, drift, null, frame, 0, frame.height());
    }

    /** Lays the layer over rows {@code fromRow..toRow-1}, each row shifted by {@code shift} (may be null). */
    void draw(CameraView camera, double drift, RowShift shift, FrameBuffer frame, int fromRow, int toRow) {
        CameraView view = camera.atDepth(depth);
        int w = frame.width();
        int h = frame.height();
        int[] out = frame.pixels();
        double texelsPerWorldX = width / worldWidth;
        double texelsPerWorldY = height / worldHeight;
        for (int y = Math.max(0, fromRow); y < Math.min(h, toRow); y++) {
            double ny = (y + 0.5) / h - 0.5;
            double wy = view.offsetY() + ny / view.zoom();
            double ty = (wy - worldTop) * texelsPerWorldY - 0.5;
            if (!opaque && (ty < -1 || ty >= height || isEmpty(ty))) continue;
            double rowZoom = view.rowZoom(ny);
            double step = 1 / (w * rowZoom);
            double wx = view.offsetX() + view.shear() * ny + (0.5 / w - 0.5) / rowZoom + drift + worldWidth / 2;
            if (shift != null) wx += shift.at(wy);
            int xStep = Resampler.fixed(step * texelsPerWorldX);
            long xStart = Math.round((wx * texelsPerWorldX - 0.5) * Resampler.ONE);
            int scratch = opaque ? width + 2 : Resampler.spanNeeded(w, xStep);
            int[] blend = frame.scratch(FrameBuffer.BLEND, scratch);
            int[] other = frame.scratch(FrameBuffer.BLEND_OTHER, scratch);
            int sy = Resampler.fixed(opaque ? ty : Math.max(0, ty));
            if (sy >= 0 && (sy >> 16) < rows && sameAsNext[sy >> 16]) sy &= ~0xFFFF;
            if ((sy >> 16) >= rows - 1 && rows < height) sy = (rows - 1) << 16; // on the ground: its last row, unblended
            if (opaque) {
                Resampler.copyRow(texels, width, rows, sy, (int) xStart, xStep, out, y * w, w, blend, other);
            } else {
                Resampler.overRowWrapped(texels, width, rows, sy, xStart, xStep, out, y * w, w, blend, other);
            }
        }
    }

    private boolean isEmpty(double ty) {
        int y0 = (int) Math.floor(Math.max(0, ty));
        return emptyRow[Math.min(y0, rows - 1)] && (y0 + 1 >= height || emptyRow[Math.min(y0 + 1, rows - 1)]);
    }

    /** The frame row where world y {@code worldY} appears for this layer's depth (may be outside the frame). */
    double screenRow(CameraView camera, double worldY, int frameHeight) {
        CameraView view = camera.atDepth(depth);
        return ((worldY - view.offsetY()) * view.zoom() + 0.5) * frameHeight - 0.5;
    }

    /** Premultiplies an opaque colour by {@code alpha} 0..1 into {@code 0xAARRGGBB}. */
    static int premultiply(int rgb, double alpha) {
        int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
        int r = ((rgb >> 16) & 0xFF) * a / 255;
        int g = ((rgb >> 8) & 0xFF) * a / 255;
        int b = (rgb & 0xFF) * a / 255;
        return (a << 24) | (r << 16) | (g << 8) | b;
    }
}
