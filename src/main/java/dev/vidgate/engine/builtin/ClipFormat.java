package dev.vidgate.engine.builtin;

/** The fixed technical format of every clip the built-in engine renders. */
final class ClipFormat {
    /** Video frames per second; every clip has exactly {@code seconds * FPS} frames. */
    static final int FPS = 24;
    /** Audio sample rate in Hz. */
    static final int SAMPLE_RATE = 48_000;
    /** Audio channels (stereo). */
    static final int AUDIO_CHANNELS = 2;
    /** Audio samples (per channel) that cover one video frame. */
    static final int SAMPLES_PER_FRAME = SAMPLE_RATE / FPS;

    private ClipFormat() {}

    static int frameCount(int seconds) {
        return Math.multiplyExact(seconds, FPS);
    }
}
