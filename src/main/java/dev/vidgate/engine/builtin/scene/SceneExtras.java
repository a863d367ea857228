package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.scene.LayeredScene.Extra;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Random;

/** Small moving things drawn over a {@link LayeredScene}: birds, city lights, fireflies and dust, embers. */
final class SceneExtras {
    private SceneExtras() {}

    /** Where a world point at {@code depth} appears, in frame pixels. */
    private static double[] project(CameraView camera, double depth, double wx, double wy, int w, int h) {
        CameraView v = camera.atDepth(depth);
        return new double[] {(v.screenX(wx, wy) + 0.5) * w, (v.screenY(wy) + 0.5) * h, v.zoom()};
    }

    /** A small flock crossing the sky, wings flapping. */
    static Extra birds(Random random, double skyTop, double skyBottom, int colour, double pace) {
        int count = 4 + random.nextInt(6);
        double[] x0 = new double[count];
        double[] y0 = new double[count];
        double[] phase = new double[count];
        double direction = random.nextBoolean() ? 1 : -1;
        double leadX = -0.6 * direction;
        double leadY = skyTop + (skyBottom - skyTop) * random.nextDouble();
        for (int i = 0; i < count; i++) {
            x0[i] = leadX - direction * (0.02 + 0.05 * random.nextDouble()) * i;
            y0[i] = leadY + (random.nextDouble() - 0.3) * 0.05 * i;
            phase[i] = random.nextDouble() * 2 * Math.PI;
        }
        double speed = 0.05 * pace * direction;
        Color c = new Color(colour);
        return (camera, t, frame) -> {
            Graphics2D g = frame.image().createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setColor(c);
                double unit = Glow.unit(frame.width(), frame.height());
                g.setStroke(new BasicStroke((float) Math.max(1, 1.6 * unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int i = 0; i < count; i++) {
                    double[] p = project(camera, 0.5, x0[i] + speed * t, y0[i] + 0.01 * Math.sin(0.7 * t + phase[i]),
                            frame.width(), frame.height());
                    double span = 9 * unit * p[2];
                    double flap = Math.sin(7 * t + phase[i]) * span * 0.55;
                    Path2D.Double wing = new Path2D.Double();
                    wing.moveTo(p[0] - span, p[1] - flap);
                    wing.quadTo(p[0] - span * 0.4, p[1] - flap * 0.2, p[0], p[1]);
                    wing.quadTo(p[0] + span * 0.4, p[1] - flap * 0.2, p[0] + span, p[1] - flap);
                    g.draw(wing);
                }
            } finally {
                g.dispose();
            }
        };
    }

    /** Blinking red warning lights on the tallest buildings of a skyline layer. */
    static Extra beacons(List<double[]> worldPoints, double depth, double period) {
        return (camera, t, frame) -> {
            int w = frame.width();
            int h = frame.height();
            for (int i = 0; i < worldPoints.size(); i++) {
                double on = Math.sin(2 * Math.PI * (t / period + Noise.hash(i, 3)));
                if (on < 0.2) continue;
                double[] wp = worldPoints.get(i);
                double[] p = project(camera, depth, wp[0], wp[1], w, h);
                double unit = Glow.unit(w, h) * p[2];
                Glow.screen(frame.pixels(), w, h, p[0], p[1], 9 * unit, 0xFF3020, (int) (256 * on));
            }
        };
    }

    /** Car lights streaming both ways along a street at world height {@code streetY}. */
    static Extra traffic(Random random, double streetY, double depth, double pace) {
        int cars = 14 + random.nextInt(10);
        double[] start = new double[cars];
        double[] speed = new double[cars];
        double[] lane = new double[cars];
        for (int i = 0; i < cars; i++) {
            boolean towards = i % 2 == 0;
            start[i] = random.nextDouble() * 3 - 1.5;
            speed[i] = (0.08 + 0.08 * random.nextDouble()) * pace * (towards ? 1 : -1);
            lane[i] = towards ? 0.012 : 0;
        }
        return (camera, t, frame) -> {
            int w = frame.width();
            int h = frame.height();
            for (int i = 0; i < cars; i++) {
                double x = Math.floorMod((long) Math.floor((start[i] + speed[i] * t + 1.5) * 1e6), 3_000_000L) / 1e6 - 1.5;
                double[] p = project(camera, depth, x, streetY + lane[i], w, h);
                double unit = Glow.unit(w, h) * p[2];
                boolean headlights = speed[i] > 0;
                int colour = headlights ? 0xFFF4D8 : 0xFF2A18;
                Glow.screen(frame.pixels(), w, h, p[0], p[1], 7 * unit, colour, 230);
                Glow.screen(frame.pixels(), w, h, p[0] + 5 * unit, p[1], 7 * unit, colour, 230);
                Glow.screen(frame.pixels(), w, h, p[0] + 2.5 * unit, p[1], 26 * unit, colour, 60);
            }
        };
    }

    /** Specks of light wandering in the air: fireflies at night, dust or pollen in sunlight. */
    static Extra motes(Random random, int count, double depthNear, int colour, double size, double pace) {
        double[] x = new double[count];
        double[] y = new double[count];
        double[] depth = new double[count];
        double[] phase = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = random.nextDouble() * 1.6 - 0.8;
            y[i] = random.nextDouble() * 1.0 - 0.45;
            depth[i] = depthNear * (0.5 + 0.5 * random.nextDouble());
            phase[i] = random.nextDouble() * 2 * Math.PI;
        }
        return (camera, t, frame) -> {
            int w = frame.width();
            int h = frame.height();
            for (int i = 0; i < count; i++) {
                double wx = x[i] + 0.03 * Math.sin(0.4 * pace * t + phase[i]) + 0.01 * pace * t;
                double wy = y[i] + 0.025 * Math.sin(0.33 * pace * t + 2 * phase[i]);
                double[] p = project(camera, depth[i], wx, wy, w, h);
                double glow = 0.55 + 0.45 * Math.sin(1.7 * t + phase[i] * 3);
                double unit = Glow.unit(w, h) * p[2];
                Glow.screen(frame.pixels(), w, h, p[0], p[1], size * unit * (0.6 + depth[i]), colour, (int) (256 * glow));
            }
        };
    }
}
