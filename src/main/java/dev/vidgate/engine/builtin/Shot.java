package dev.vidgate.engine.builtin;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.audio.AmbientBed;
import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.FrameSource;
import dev.vidgate.engine.builtin.living.LivingPicture;
import dev.vidgate.engine.builtin.prompt.CameraMove;
import dev.vidgate.engine.builtin.prompt.PromptDirection.MoveKind;
import dev.vidgate.engine.builtin.prompt.PromptDirection;
import dev.vidgate.engine.builtin.prompt.PromptReader;
import dev.vidgate.engine.builtin.prompt.PromptSeed;
import dev.vidgate.engine.builtin.scene.CameraPath;
import dev.vidgate.engine.builtin.scene.CameraScene;
import dev.vidgate.engine.builtin.scene.LookPass;
import dev.vidgate.engine.builtin.scene.Scenes;

import java.util.List;

/**
 * Everything decided before the first frame: what the prompt asks for, where the camera goes, what the
 * picture is (the reference image, the first frame of a remixed video, or a procedural scene), the looks
 * on top and the sound. {@link #render} then draws any frame on its own, from any thread.
 */
final class Shot {
    private final FrameSource source;
    private final LookPass looks;
    private final PromptDirection direction;
    private final GenerationRequest request;

    private Shot(GenerationRequest request, PromptDirection direction, FrameSource source, LookPass looks) {
        this.request = request;
        this.direction = direction;
        this.source = source;
        this.looks = looks;
    }

    static Shot plan(GenerationRequest request, int frames) {
        int width = request.size().width();
        int height = request.size().height();
        String prompt = request.prompt();
        PromptDirection direction = PromptReader.read(prompt);
        int[] picture = startingPicture(request, width, height);
        boolean fromPicture = picture != null;
        List<CameraMove> moves = direction.moves().isEmpty() ? defaultMoves(fromPicture, prompt) : direction.moves();
        CameraPath path = new CameraPath(moves, frames, fromPicture);
        FrameSource source = fromPicture
                ? new ImageMotionSource(picture, width, height, path,
                        LivingPicture.of(picture, width, height, direction.life(), direction.pace()))
                : Scenes.create(direction, width, height, path, PromptSeed.of(prompt, "scene"));
        LookPass looks = new LookPass(direction, width, height, frames, fromPicture,
                !fromPicture && Scenes.paintsTimeOfDay(direction.scene()), PromptSeed.of(prompt, "looks"));
        return new Shot(request, direction, source, looks);
    }

    /** The picture frame 0 shows, or null for text-to-video. */
    private static int[] startingPicture(GenerationRequest request, int width, int height) {
        if (request.isRemix()) return RemixFrame.firstFrame(request.remix(), width, height);
        if (request.hasReference()) return ReferenceImage.decode(request.referenceImage(), width, height);
        return null;
    }

    /**
     * A prompt that names no move still gets a gentle one: a push-in on a picture; on a scene a push-in,
     * a drift or a dolly, chosen by the prompt so different prompts move differently.
     */
    static List<CameraMove> defaultMoves(boolean fromPicture, String prompt) {
        if (fromPicture) return List.of(new CameraMove(MoveKind.PUSH_IN, 0.6, 0));
        MoveKind[] choices = {MoveKind.PUSH_IN, MoveKind.ORBIT, MoveKind.DOLLY_IN};
        long seed = PromptSeed.of(prompt, "default-move");
        return List.of(new CameraMove(choices[(int) Math.floorMod(seed, (long) choices.length)], 0.6, 0));
    }

    PromptDirection direction() { return direction; }

    /** Whether the frames are a procedural scene (text-to-video) rather than a picture in motion. */
    boolean isScene() {
        return source instanceof CameraScene;
    }

    /** Whether the encoder should start a key frame at {@code index}: where a fading-in look has settled. */
    boolean wantsKeyFrame(int index) {
        int settled = looks.settledFrame();
        return settled > 0 && index == settled;
    }

    /** Draws frame {@code index} with its looks and converts it for the encoder (into {@link FrameBuffer#yuv()}). */
    void render(int index, FrameBuffer frame) {
        frame.startPicture();
        source.render(index, frame);
        looks.apply(index, frame);
    }

    /** The sound bed for the whole clip. */
    AmbientBed audio() {
        return new AmbientBed(direction, PromptSeed.of(request.prompt(), "sound"), ClipFormat.SAMPLE_RATE,
                (long) request.seconds() * ClipFormat.SAMPLE_RATE);
    }
}
