package dev.vidgate.engine.builtin.frame;

/** The fixed technical format of every clip the built-in engine renders. */
public final class ClipFormat {
    /** Video frames per second; every clip has exactly {@code seconds * FPS} frames. */
    public static final int FPS = 24;
    /** Audio sample rate in Hz. */
    public static final int SAMPLE_RATE = 48_000;
    /** Audio channels (stereo). */
    public static final int AUDIO_CHANNELS = 2;
    /** Audio samples (per channel) that cover one video frame. */
    public static final int SAMPLES_PER_FRAME = SAMPLE_RATE / FPS;

    private ClipFormat() {}

    public static int frameCount(int seconds) {
        return Math.multiplyExact(seconds, FPS);
    }
}
