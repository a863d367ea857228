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
import dev.vidgate.engine.builtin.prompt.PromptReading;
import dev.vidgate.engine.builtin.prompt.PromptSeed;
import dev.vidgate.engine.builtin.scene.CameraPath;
import dev.vidgate.engine.builtin.scene.CameraScene;
import dev.vidgate.engine.builtin.scene.LookPass;
import dev.vidgate.engine.builtin.scene.Scenes;
import dev.vidgate.engine.builtin.subject.Cast;
import dev.vidgate.engine.builtin.subject.SubjectCatalog;
import dev.vidgate.engine.builtin.subject.SubjectLayer;
import dev.vidgate.engine.builtin.subject.SubjectReader;

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
    /** The prompt's subjects over a scene, or null; with the camera path they follow. */
    private final SubjectLayer subjects;
    private final CameraPath path;

    private Shot(GenerationRequest request, PromptDirection direction, FrameSource source, LookPass looks, SubjectLayer subjects,
                 CameraPath path) {
        this.request = request;
        this.direction = direction;
        this.source = source;
        this.looks = looks;
        this.subjects = subjects;
        this.path = path;
    }

    static Shot plan(GenerationRequest request, int frames) {
        int width = request.size().width();
        int height = request.size().height();
        String prompt = request.prompt();
        Long jobSeed = request.options().jobSeed();
        PromptDirection direction = PromptReader.read(prompt);
        int[] picture = startingPicture(request, width, height);
        boolean fromPicture = picture != null;
        CameraPath path = new CameraPath(moves(direction, fromPicture, request), frames, fromPicture);
        FrameSource drawn = fromPicture
                ? new ImageMotionSource(picture, width, height, path,
                        LivingPicture.of(picture, width, height, direction.life(), direction.pace()))
                : Scenes.create(direction, width, height, path, PromptSeed.of(prompt, "scene", jobSeed));
        // a character the prompt names stands in the scene
        FrameSource source = request.character() == null ? drawn : new CharacterOverlay(drawn, request.character());
        LookPass looks = new LookPass(direction, width, height, frames, fromPicture,
                !fromPicture && Scenes.paintsTimeOfDay(direction.scene()), PromptSeed.of(prompt, "looks", jobSeed));
        Cast cast = fromPicture ? null : new SubjectReader(SubjectCatalog.standard()).read(prompt);
        SubjectLayer subjects = cast == null || cast.isEmpty() ? null
                : new SubjectLayer(cast, width, height, frames, PromptSeed.of(prompt, "subjects", jobSeed),
                direction.scene() == PromptDirection.SceneKind.SEA);
        return new Shot(request, direction, source, looks, subjects, path);
    }

    /** The picture frame 0 shows (an edit's first frame of its footage, an extension's last), or null for text-to-video. */
    private static int[] startingPicture(GenerationRequest request, int width, int height) {
        if (request.footage() != null) return SourceFrames.startingPicture(request, width, height);
        if (request.isRemix()) return RemixFrame.firstFrame(request.remix(), width, height);
        if (request.hasReference()) return ReferenceImage.decode(request.referenceImage(), width, height);
        return null;
    }

    /** The prompt's moves, or the default ones when it names none. */
    private static List<CameraMove> moves(PromptDirection direction, boolean fromPicture, GenerationRequest request) {
        return direction.moves().isEmpty() ? defaultMoves(fromPicture, request.prompt(), request.options().jobSeed()) : direction.moves();
    }

    /**
     * A prompt that names no move still gets a gentle one: a push-in on a picture (its pace varied by the job's seed); on
     * a scene a push-in, a drift or a dolly, chosen by the prompt and the seed so different takes move differently.
     */
    static List<CameraMove> defaultMoves(boolean fromPicture, String prompt, Long jobSeed) {
        long seed = PromptSeed.of(prompt, "default-move", jobSeed);
        if (fromPicture) {
            double strength = jobSeed == null ? 0.6 : 0.45 + 0.3 * ((seed >>> 11) * 0x1.0p-53);
            return List.of(new CameraMove(MoveKind.PUSH_IN, strength, 0));
        }
        MoveKind[] choices = {MoveKind.PUSH_IN, MoveKind.ORBIT, MoveKind.DOLLY_IN};
        return List.of(new CameraMove(choices[(int) Math.floorMod(seed, (long) choices.length)], 0.6, 0));
    }

    /**
     * What the renderer makes of the request, in one line ({@link PromptReading#describe}): the picture or scene, the
     * moves made, the looks, the sound bed, the words it ignored.
     */
    static String reading(GenerationRequest request) {
        PromptReading reading = PromptReader.reading(request.prompt());
        PromptDirection direction = reading.direction();
        String picture = request.isRemix() ? "the remixed video's first frame" : request.hasReference() ? "the reference image" : null;
        if (picture == null) {
            Cast cast = new SubjectReader(SubjectCatalog.standard()).read(request.prompt());
            reading = reading.withSubjects(cast.isEmpty() ? null : cast.describe(), cast.words(), cast.notDrawn());
        }
        return reading.describe(picture, moves(direction, picture != null, request), AmbientBed.soundsFor(direction));
    }

    PromptDirection direction() { return direction; }

    /** Whether the frames are a procedural scene (text-to-video) rather than a picture in motion. */
    boolean isScene() {
        return (source instanceof CharacterOverlay overlay ? overlay.scene() : source) instanceof CameraScene;
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
        if (subjects != null) subjects.paint(index, path.view(index), frame);
        looks.apply(index, frame);
    }

    /** The sound bed for the whole clip. */
    AmbientBed audio() {
        return new AmbientBed(direction, PromptSeed.of(request.prompt(), "sound", request.options().jobSeed()), ClipFormat.SAMPLE_RATE,
                (long) request.seconds() * ClipFormat.SAMPLE_RATE);
    }
}
