package dev.vidgate.engine.builtin.subject;

import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.scene.CameraView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The subjects of a text-to-video clip, drawn over its scene: each placed at a depth (nearer is larger and lower in the
 * frame, with a contact shadow on the ground), moved by its verb ({@link Pose}), and shifted by the camera as much as
 * its depth says. Sprites are rendered once, when the layer is made; a frame only blends them. Read-only afterwards, so
 * several threads may paint frames at once.
 */
public final class SubjectLayer {
    /** How near each actor stands (1 nearest), in the order the prompt names them. */
    private static final double[] NEARNESS = {1.0, 0.78, 0.64, 0.55};
    /** Where each actor is centred across the frame (centre-based), in that order. */
    private static final double[] ACROSS = {-0.02, 0.26, -0.3, 0.12};

    private final List<Placed> placed;
    /** Sand under the subjects that stand, in a sea scene; or null. */
    private final Beach beach;
    private final int width;
    private final int height;

    /** One drawn figure: its sprite, its shadow (or null), how it moves, and who it carries. */
    record Placed(Sprite sprite, Sprite shadow, Pose pose, Placed rider) {}

    /**
     * @param cast   what to draw
     * @param frames the clip's length in frames (travellers cross the frame within it)
     * @param seed   varies where copies stand and the phase of their motion
     * @param sea    the scene is the sea: subjects that stand get a beach to stand on
     */
    public SubjectLayer(Cast cast, int width, int height, int frames, long seed, boolean sea) {
        this.width = width;
        this.height = height;
        Random random = new Random(seed);
        double seconds = Math.max(1, frames) / (double) ClipFormat.FPS;
        List<Placed> all = new ArrayList<>();
        for (int a = 0; a < cast.actors().size(); a++) {
            Cast.Actor actor = cast.actors().get(a);
            for (int copy = 0; copy < actor.count(); copy++) {
                double nearness = NEARNESS[a] * (1 - 0.12 * copy);
                double across = ACROSS[a] + (copy == 0 ? 0 : (copy % 2 == 1 ? 0.2 : -0.2)) + (random.nextDouble() - 0.5) * 0.04;
                all.add(place(actor, nearness, across, seconds, random.nextDouble()));
            }
        }
        all.sort(Comparator.comparingDouble(p -> p.pose().nearness()));
        this.placed = List.copyOf(all);
        this.beach = sea && all.stream().anyMatch(p -> p.pose().grounded()) ? new Beach(width, height, random.nextLong()) : null;
    }

    private Placed place(Cast.Actor actor, double nearness, double across, double seconds, double phase) {
        Subject subject = actor.subject();
        int spriteHeight = Math.max(8, (int) Math.round(subject.size() * nearness * height));
        boolean mirrored = Facing.mirror(subject);
        Sprite sprite = Sprite.of(subject, spriteHeight, mirrored);
        Pose pose = Pose.of(subject.kind(), actor.action(), nearness, across, seconds, phase);
        Sprite shadow = pose.grounded() ? Sprite.shadow((int) (sprite.width() * 0.8), Math.max(3, sprite.height() / 9), 110) : null;
        Placed rider = null;
        if (actor.rider() != null) {
            Subject r = actor.rider().subject();
            int riderHeight = (int) Math.min(sprite.height() * 0.85, Math.max(8, r.size() * nearness * height));
            rider = new Placed(Sprite.of(r, riderHeight, Facing.mirror(r)), null, pose, null);
        }
        return new Placed(sprite, shadow, pose, rider);
    }

    /** Draws the subjects over {@code frame} at frame {@code index}, seen through {@code camera}. */
    public void paint(int index, CameraView camera, FrameBuffer frame) {
        frame.scaleUpPicture();
        double t = index / (double) ClipFormat.FPS;
        int[] px = frame.pixels();
        if (beach != null) beach.paint(t, camera, px);
        for (Placed p : placed) {
            Pose.At at = p.pose().at(t, camera);
            int cx = (int) Math.round((at.x() + 0.5) * width);
            int bottom = (int) Math.round((at.y() + 0.5) * height);
            if (p.shadow() != null) {
                int ground = (int) Math.round((at.ground() + 0.5) * height);
                double lift = Math.min(1, (ground - bottom) / (double) p.sprite().height());
                int sw = p.shadow().width();
                double shrink = 1 - 0.5 * Math.max(0, lift);
                p.shadow().blendInto(px, width, height, cx - sw / 2, ground + p.shadow().height() / 2, shrink, 1);
            }
            p.sprite().blendInto(px, width, height, cx - p.sprite().width() / 2, bottom, at.scaleY(), at.keep());
            if (p.rider() != null) {
                Sprite r = p.rider().sprite();
                // seated a little behind the middle, sunk into the seat
                int seat = bottom - (int) Math.round(p.sprite().height() * at.scaleY() * 0.55);
                r.blendInto(px, width, height, cx - r.width() / 2 - p.sprite().width() / 12, seat, 1, 1);
            }
        }
    }
}
