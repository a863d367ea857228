package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.scene.LayeredScene.Extra;
import dev.vidgate.engine.builtin.scene.LayeredScene.Plane;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Look;
import dev.vidgate.engine.builtin.prompt.PromptDirection.TimeOfDay;
import dev.vidgate.engine.builtin.prompt.PromptDirection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The layered outdoor scenes: open sky over hills, a city skyline, a forest. */
final class OutdoorScenes {
    private OutdoorScenes() {}

    /** Big clouds in two layers drifting at different speeds over low hills, and a few birds. */
    static LayeredScene sky(PromptDirection d, TimeOfDay time, int w, int h, CameraPath path, Random random) {
        double horizon = 0.26 + random.nextDouble() * 0.1;
        SkyDome sky = new SkyDome(time, d.hue(), horizon, 0.5 + random.nextDouble() * 0.2, d.pace(), w, h, random);
        List<Plane> planes = new ArrayList<>();
        double drift = 0.02 * d.pace() * (random.nextBoolean() ? 1 : -1);
        planes.add(Plane.farDrifting(sky.clouds(w, h / 2, 0.45, 0.65, -0.75, 0.95, random.nextLong()), drift));
        int haze = sky.horizonColour();
        int far = PictureCanvas.mix(haze, sky.zenithColour(), 0.45);
        int near = PictureCanvas.mix(far, 0x101418, time == TimeOfDay.NIGHT ? 0.6 : 0.45);
        planes.add(Plane.far(ridge(w, h, random, horizon - 0.1, 0.25, far, 0.45)));
        planes.add(Plane.still(ridge(w, h, random, horizon - 0.03, 0.3, near, 0.75)));
        List<Extra> extras = new ArrayList<>();
        if (time != TimeOfDay.NIGHT) {
            extras.add(SceneExtras.birds(random, -0.35, horizon - 0.2, PictureCanvas.mix(near, 0, 0.5), d.pace()));
        }
        return new LayeredScene(w, h, path, sky, planes, extras, horizon + 0.1);
    }

    private static TextureLayer ridge(int w, int h, Random random, double worldTop, double worldHeight, int colour, double depth) {
        int tw = Math.max(64, 2 * w);
        int th = Math.max(16, (int) (worldHeight * h) + 1);
        int[] texels = Silhouettes.ridge(tw, th, random, 0.35, 0.95, colour, 5);
        // the ground continues below the frame
        return TextureLayer.withGround(texels, tw, th, 2 * th, depth, 2.0, worldTop, worldHeight * 3);
    }

    /** A skyline in two depths with lit windows, warning lights, traffic and (at night) soft bokeh. */
    static LayeredScene city(PromptDirection d, TimeOfDay time, int w, int h, CameraPath path, Random random) {
        double horizon = 0.3 + random.nextDouble() * 0.08;
        SkyDome sky = new SkyDome(time, d.hue(), horizon, 0.1 + random.nextDouble() * 0.25, d.pace(), w, h, random);
        boolean night = time == TimeOfDay.NIGHT || time == TimeOfDay.SUNSET || time == TimeOfDay.DAWN;
        boolean neon = d.has(Look.NEON);
        int[] lights = neon ? new int[] {0xFF4FD8, 0x4FE8FF, 0xFFD060, 0xB070FF}
                : night ? new int[] {0xFFD890, 0xFFE8B0, 0xFFF4E0, 0xBFD8FF}
                : new int[] {0x9FB8D0, 0xC8D8E8, 0x7890A8};
        int haze = sky.horizonColour();
        int farWall = night ? PictureCanvas.mix(haze, 0x05070C, 0.6) : PictureCanvas.mix(haze, 0x4A5868, 0.5);
        int nearWall = night ? 0x0A0C12 : 0x3A4450;
        List<Plane> planes = new ArrayList<>();
        List<Silhouettes.Beacon> farBeacons = new ArrayList<>();
        List<Silhouettes.Beacon> nearBeacons = new ArrayList<>();
        planes.add(Plane.far(skyline(w, h, random, horizon - 0.42, 0.5, 0.45, farWall, lights, night ? 0.22 : 0.1, farBeacons, 0.5)));
        TextureLayer near = skyline(w, h, random, horizon - 0.78, 0.9, 0.85, nearWall, lights, night ? 0.35 : 0.12, nearBeacons, 1.0);
        planes.add(Plane.still(near));
        List<Extra> extras = new ArrayList<>();
        List<double[]> beaconWorld = new ArrayList<>();
        for (Silhouettes.Beacon b : nearBeacons) {
            beaconWorld.add(new double[] {b.x() / near.width * 2.6 - 1.3, horizon - 0.78 + b.y() / near.height * 0.9 * 1.5});
        }
        if (night) extras.add(SceneExtras.beacons(beaconWorld, 0.85, 1.6));
        extras.add(SceneExtras.traffic(random, horizon + 0.14, 0.85, d.pace()));
        return new LayeredScene(w, h, path, sky, planes, extras, horizon + 0.12);
    }

    private static TextureLayer skyline(int w, int h, Random random, double worldTop, double worldHeight, double depth,
                                        int wall, int[] lights, double lit, List<Silhouettes.Beacon> beacons, double resolution) {
        int tw = Math.max(64, (int) (2.6 * w * resolution));
        int th = Math.max(16, (int) (worldHeight * h * resolution));
        int[] texels = Silhouettes.skyline(tw, th, random, 0.25, 0.95, wall, lights, lit, beacons);
        int extra = th / 2;
        return TextureLayer.withGround(texels, tw, th, extra, depth, 2.6, worldTop, worldHeight * (th + extra) / th);
    }

    /** Three rows of trees in aerial perspective, the nearest swaying in the wind, with motes in the air. */
    static LayeredScene forest(PromptDirection d, TimeOfDay time, int w, int h, CameraPath path, Random random) {
        double horizon = 0.12 + random.nextDouble() * 0.08;
        SkyDome sky = new SkyDome(time, d.hue(), horizon, 0.15 + random.nextDouble() * 0.3, d.pace(), w, h, random);
        boolean pines = random.nextInt(3) != 0;
        int haze = sky.horizonColour();
        int green = time == TimeOfDay.NIGHT ? 0x0C1A16 : d.hasHue() ? java.awt.Color.HSBtoRGB((float) d.hue(), 0.55f, 0.3f) & 0xFFFFFF : 0x1F4A2A;
        List<Plane> planes = new ArrayList<>();
        planes.add(Plane.far(trees(w, h, random, 60, horizon - 0.3, 0.45, PictureCanvas.mix(green, haze, 0.62), pines, 0.35)));
        planes.add(Plane.far(trees(w, h, random, 34, horizon - 0.55, 0.8, PictureCanvas.mix(green, haze, 0.35), pines, 0.6)));
        double swayRate = 0.9 * d.pace();
        double swayAmount = 0.004 * (d.has(Look.RAIN) || d.has(Look.SNOW) ? 1.8 : 1);
        double groundY = 0.55;
        LayeredScene.Sway wind = (t, wy) -> swayAmount * Math.max(0, groundY - wy)
                * (Math.sin(swayRate * t) + 0.35 * Math.sin(2.3 * swayRate * t + 1.3));
        planes.add(new Plane(trees(w, h, random, 9, -0.75, 1.35, PictureCanvas.mix(green, 0x050805, 0.55), pines, 1.0), 0, wind, false));
        List<Extra> extras = new ArrayList<>();
        boolean dark = time == TimeOfDay.NIGHT;
        extras.add(SceneExtras.motes(random, dark ? 40 : 26, 0.9, dark ? 0xC8FF70 : 0xFFF0C0, dark ? 5 : 3, d.pace()));
        return new LayeredScene(w, h, path, sky, planes, extras, horizon + 0.05);
    }

    private static TextureLayer trees(int w, int h, Random random, int count, double worldTop, double worldHeight, int colour,
                                      boolean pines, double depth) {
        double resolution = 0.5 + 0.5 * depth;
        int tw = Math.max(64, (int) (2.4 * w * resolution));
        int th = Math.max(16, (int) (worldHeight * h * resolution));
        int[] texels = Silhouettes.trees(tw, th, random, count, 0.45, 0.92, colour, pines, 0.12);
        return TextureLayer.withGround(texels, tw, th, th, depth, 2.4, worldTop, worldHeight * 2); // the ground continues below
    }
}
