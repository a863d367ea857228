package dev.vidgate.engine.builtin.subject;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.ViewBox;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.net.URL;

/**
 * A subject drawn once, at the size a job needs: premultiplied {@code 0xAARRGGBB} pixels cropped to what the SVG
 * covers, so a frame only blends them ({@link #blendInto}), with no SVG work per frame. Read-only once made.
 */
final class Sprite {
    private final int width;
    private final int height;
    private final int[] pixels;

    private Sprite(int width, int height, int[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    int width() { return width; }

    int height() { return height; }

    /** The premultiplied ARGB pixels, row by row. */
    int[] pixels() { return pixels; }

    /** Renders {@code subject} so that what it covers is {@code targetHeight} pixels tall, mirrored if asked. */
    static Sprite of(Subject subject, int targetHeight, boolean mirrored) {
        SVGDocument doc = document(subject);
        // the emoji fill most of their square; draw the square a little larger, then crop to what is covered
        int side = Math.max(4, (int) Math.ceil(targetHeight / coverage(doc)));
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            if (mirrored) {
                g.translate(side, 0);
                g.scale(-1, 1);
            }
            doc.render(null, g, new ViewBox(0, 0, side, side));
        } finally {
            g.dispose();
        }
        return cropped(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), side);
    }

    /** The fraction of its square's height an emoji's drawing covers. */
    private static double coverage(SVGDocument doc) {
        var bounds = doc.computeShape(new ViewBox(0, 0, 1000, 1000)).getBounds2D();
        return Math.max(0.2, Math.min(1, bounds.getHeight() / 1000));
    }

    private static SVGDocument document(Subject subject) {
        URL url = Sprite.class.getResource("/subjects/svg/" + subject.file());
        if (url == null) throw new IllegalStateException("the subject SVG " + subject.file() + " is missing from the classpath");
        SVGDocument doc = new SVGLoader().load(url);
        if (doc == null) throw new IllegalStateException("the subject SVG " + subject.file() + " could not be read");
        return doc;
    }

    private static Sprite cropped(int[] px, int side) {
        int left = side, right = -1, top = side, bottom = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if ((px[y * side + x] >>> 24) < 8) continue;
                left = Math.min(left, x);
                right = Math.max(right, x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
            }
        }
        if (right < 0) return new Sprite(1, 1, new int[1]);
        int w = right - left + 1;
        int h = bottom - top + 1;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) System.arraycopy(px, (top + y) * side + left, out, y * w, w);
        return new Sprite(w, h, out);
    }

    /** A soft dark ellipse, the contact shadow of something {@code width} pixels wide. */
    static Sprite shadow(int width, int height, int opacity) {
        int w = Math.max(2, width);
        int h = Math.max(2, height);
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            double dy = (y + 0.5) / h * 2 - 1;
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5) / w * 2 - 1;
                double r = dx * dx + dy * dy;
                int a = r >= 1 ? 0 : (int) (opacity * (1 - r) * (1 - r));
                out[y * w + x] = a << 24;
            }
        }
        return new Sprite(w, h, out);
    }

    /**
     * Blends the sprite over {@code dst} (packed {@code 0x00RRGGBB}, {@code dstWidth x dstHeight}) with its top-left at
     * {@code (x, y)}, stretched vertically by {@code scaleY} about its bottom edge, showing only its top {@code keep}
     * fraction (the rest is under water). Clipped to the frame.
     */
    void blendInto(int[] dst, int dstWidth, int dstHeight, int x, int bottom, double scaleY, double keep) {
        int drawnHeight = (int) Math.round(height * scaleY);
        if (drawnHeight <= 0) return;
        int top = bottom - drawnHeight;
        int shownTo = top + (int) Math.round(drawnHeight * Math.min(1, keep));
        int x0 = Math.max(0, x);
        int x1 = Math.min(dstWidth, x + width);
        if (x0 >= x1) return;
        int y0 = Math.max(0, top);
        int y1 = Math.min(dstHeight, Math.min(bottom, shownTo));
        double step = height / (double) drawnHeight;
        for (int y = y0; y < y1; y++) {
            int sy = Math.min(height - 1, (int) ((y - top + 0.5) * step));
            int src = sy * width - x;
            int row = y * dstWidth;
            for (int dx = x0; dx < x1; dx++) {
                int s = pixels[src + dx];
                int a = s >>> 24;
                if (a == 0) continue;
                if (a == 255) {
                    dst[row + dx] = s & 0xFFFFFF;
                    continue;
                }
                int d = dst[row + dx];
                int inv = 255 - a;
                int r = ((s >> 16) & 0xFF) + (((d >> 16) & 0xFF) * inv + 127) / 255;
                int gg = ((s >> 8) & 0xFF) + (((d >> 8) & 0xFF) * inv + 127) / 255;
                int b = (s & 0xFF) + ((d & 0xFF) * inv + 127) / 255;
                dst[row + dx] = (Math.min(255, r) << 16) | (Math.min(255, gg) << 8) | Math.min(255, b);
            }
        }
    }
}
