package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Resampler;

import java.util.List;

/**
 * An outdoor scene made of planes at different depths in front of a {@link SkyDome}: each plane is a
 * {@link TextureLayer} that may drift or sway in the wind, and extras (birds, lights, sparks) are drawn
 * on top. The camera moves near planes more than far ones.
 */
final class LayeredScene extends CameraScene {
    /** Something drawn over the planes each frame. */
    @FunctionalInterface
    interface Extra {
        void paint(CameraView camera, double t, FrameBuffer frame);
    }

    /** A sideways shift of a plane's rows over time, in frame widths. */
    @FunctionalInterface
    interface Sway {
        double at(double t, double worldY);
    }

    /**
     * @param drift frame widths per second the plane scrolls sideways
     * @param sway  wind on the plane, or null
     * @param soft  far and hazy: drawn at half resolution with the sky (a quarter of the work, and a
     *              little out of focus, as a lens focused on the foreground would show it)
     */
    record Plane(TextureLayer layer, double drift, Sway sway, boolean soft) {
        static Plane still(TextureLayer layer) {
            return new Plane(layer, 0, null, false);
        }

        static Plane far(TextureLayer layer) {
            return new Plane(layer, 0, null, true);
        }

        static Plane farDrifting(TextureLayer layer, double drift) {
            return new Plane(layer, drift, null, true);
        }
    }

    private final SkyDome sky;
    private final List<Plane> planes;
    private final List<Extra> extras;
    private final double solidBelow;

    /** @param solidBelow the world y (seen at depth 1) below which the planes cover the sky completely */
    LayeredScene(int width, int height, CameraPath path, SkyDome sky, List<Plane> planes, List<Extra> extras, double solidBelow) {
        super(width, height, path);
        this.sky = sky;
        this.planes = List.copyOf(planes);
        this.extras = List.copyOf(extras);
        this.solidBelow = solidBelow;
    }

    @Override
    void paint(double t, CameraView camera, FrameBuffer frame) {
        int skyRows = Math.max(0, Math.min(height, (int) Math.ceil((camera.screenY(solidBelow) + 0.5) * height) + 2));
        boolean anySoft = planes.stream().anyMatch(Plane::soft);
        if (anySoft) {
            // sky, stars and far planes together at half resolution, scaled up once
            FrameBuffer half = frame.half();
            sky.paintSoft(camera, t, half, half.height());
            sky.paintSoftStars(camera, t, half, half.height());
            for (Plane plane : planes) if (plane.soft()) draw(plane, camera, t, half);
            Resampler.upscaleHalf(half, half.height(), frame, height);
        } else {
            sky.paint(camera, t, frame, skyRows);
        }
        for (Plane plane : planes) if (!plane.soft()) draw(plane, camera, t, frame);
        for (Extra extra : extras) extra.paint(camera, t, frame);
    }

    private static void draw(Plane plane, CameraView camera, double t, FrameBuffer target) {
        TextureLayer.RowShift shift = plane.sway() == null ? null : wy -> plane.sway().at(t, wy);
        plane.layer().draw(camera, plane.drift() * t, shift, target, 0, target.height());
    }
}
