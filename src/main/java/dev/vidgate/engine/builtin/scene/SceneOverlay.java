package dev.vidgate.engine.builtin.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.Random;

/**
 * Crisp anti-aliased foreground elements drawn with Java2D: slowly turning outlined polygons,
 * flowing wave lines and rising specks of light.
 */
final class SceneOverlay {
    private final int width;
    private final int height;
    private final double unit;
    private final Polygon[] polygons;
    private final Wave[] waves;
    private final Speck[] specks;
    private final BasicStroke polygonStroke;
    private final BasicStroke waveStroke;

    private record Polygon(int sides, double radius, double x, double y, double driftX, double driftY,
                           double angle, double spin, Color fill, Color edge) {}

    private record Wave(double baseline, double amplitude, double wavelength, double speed, double phase, Color color) {}

    private record Speck(double x, double y, double size, double rise, double wobble, double phase, Color color) {}

    SceneOverlay(int width, int height, float baseHue, Random random) {
        this.width = width;
        this.height = height;
        this.unit = Math.min(width, height);
        this.polygonStroke = new BasicStroke((float) Math.max(1.5, unit * 0.006), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        this.waveStroke = new BasicStroke((float) Math.max(1.0, unit * 0.004), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

        polygons = new Polygon[2 + random.nextInt(3)];
        for (int i = 0; i < polygons.length; i++) {
            int rgb = Color.HSBtoRGB(baseHue + 0.33f * random.nextInt(3), 0.35f + random.nextFloat() * 0.4f, 0.95f);
            polygons[i] = new Polygon(3 + random.nextInt(4), unit * (0.06 + random.nextDouble() * 0.12),
                    width * (0.15 + random.nextDouble() * 0.7), height * (0.15 + random.nextDouble() * 0.7),
                    unit * (random.nextDouble() - 0.5) * 0.05, unit * (random.nextDouble() - 0.5) * 0.05,
                    random.nextDouble() * Math.PI, (0.1 + random.nextDouble() * 0.35) * (random.nextBoolean() ? 1 : -1),
                    new Color(rgb & 0xFFFFFF | 0x2A000000, true), new Color(rgb & 0xFFFFFF | 0xA0000000, true));
        }

        waves = new Wave[2 + random.nextInt(2)];
        for (int i = 0; i < waves.length; i++) {
            int rgb = Color.HSBtoRGB(baseHue + 0.08f * i, 0.25f, 1f);
            waves[i] = new Wave(height * (0.62 + 0.1 * i + random.nextDouble() * 0.06), unit * (0.02 + random.nextDouble() * 0.04),
                    width * (0.35 + random.nextDouble() * 0.5), 0.4 + random.nextDouble() * 0.8, random.nextDouble() * 2 * Math.PI,
                    new Color(rgb & 0xFFFFFF | 0x60000000, true));
        }

        specks = new Speck[24 + random.nextInt(24)];
        for (int i = 0; i < specks.length; i++) {
            int alpha = 90 + random.nextInt(120);
            specks[i] = new Speck(random.nextDouble() * width, random.nextDouble() * height,
                    unit * (0.003 + random.nextDouble() * 0.006), unit * (0.01 + random.nextDouble() * 0.05),
                    unit * random.nextDouble() * 0.015, random.nextDouble() * 2 * Math.PI,
                    new Color(255, 250, 235, alpha));
        }
    }

    void paint(double t, Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        paintWaves(t, g);
        paintPolygons(t, g);
        paintSpecks(t, g);
    }

    private void paintPolygons(double t, Graphics2D g) {
        g.setStroke(polygonStroke);
        for (Polygon p : polygons) {
            double cx = p.x + p.driftX * t + unit * 0.03 * StrictMath.sin(0.3 * t + p.angle);
            double cy = p.y + p.driftY * t + unit * 0.03 * StrictMath.cos(0.25 * t + p.angle);
            double a0 = p.angle + p.spin * t;
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < p.sides; k++) {
                double a = a0 + 2 * Math.PI * k / p.sides;
                double px = cx + p.radius * StrictMath.cos(a);
                double py = cy + p.radius * StrictMath.sin(a);
                if (k == 0) path.moveTo(px, py);
                else path.lineTo(px, py);
            }
            path.closePath();
            g.setColor(p.fill);
            g.fill(path);
            g.setColor(p.edge);
            g.draw(path);
        }
    }

    private void paintWaves(double t, Graphics2D g) {
        g.setStroke(waveStroke);
        int segments = 192;
        for (Wave w : waves) {
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k <= segments; k++) {
                double x = width * (2.0 * k / segments - 0.5); // beyond the frame, for a camera that pulls back
                double y = w.baseline + w.amplitude * StrictMath.sin(2 * Math.PI * x / w.wavelength - w.speed * t + w.phase)
                        + 0.4 * w.amplitude * StrictMath.sin(4.3 * Math.PI * x / w.wavelength + 0.6 * w.speed * t);
                if (k == 0) path.moveTo(x, y);
                else path.lineTo(x, y);
            }
            g.setColor(w.color);
            g.draw(path);
        }
    }

    private void paintSpecks(double t, Graphics2D g) {
        double span = height + 2 * unit * 0.02;
        Ellipse2D.Double dot = new Ellipse2D.Double();
        for (Speck s : specks) {
            double y = s.y - s.rise * t;
            y = y - span * Math.floor(y / span);
            double x = s.x + s.wobble * StrictMath.sin(1.3 * t + s.phase);
            dot.setFrame(x - s.size, y - s.size, 2 * s.size, 2 * s.size);
            g.setColor(s.color);
            g.fill(dot);
        }
    }
}
