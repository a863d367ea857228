package dev.vidgate.engine.builtin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioBedTest {
    private static final int RATE = 48_000;

    private static float[] all(String prompt, int seconds) {
        AudioBed bed = new AudioBed(prompt, RATE, (long) seconds * RATE);
        float[] out = new float[seconds * RATE * 2];
        float[] chunk = new float[2000 * 2];
        int written = 0;
        int n;
        while ((n = bed.next(chunk, 2000)) > 0) {
            System.arraycopy(chunk, 0, out, written * 2, n * 2);
            written += n;
        }
        assertEquals(seconds * RATE, written, "samples per channel");
        assertEquals(0, bed.next(chunk, 2000), "nothing after the end");
        return out;
    }

    @Test
    void isAudibleButQuietAndNeverClips() {
        float[] samples = all("rain on a tin roof", 4);
        double peak = 0;
        double squares = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
            squares += s * s;
        }
        double rms = Math.sqrt(squares / samples.length);
        assertTrue(peak < 0.5, "peak " + peak);
        assertTrue(rms > 0.01, "rms " + rms);
    }

    @Test
    void fadesInAndOut() {
        float[] samples = all("rain on a tin roof", 4);
        assertTrue(Math.abs(samples[0]) < 1e-3 && Math.abs(samples[1]) < 1e-3, "starts silent");
        assertTrue(Math.abs(samples[samples.length - 1]) < 1e-3 && Math.abs(samples[samples.length - 2]) < 1e-3, "ends silent");
    }

    @Test
    void samePromptSoundsTheSame() {
        assertArrayEquals(all("a choir in a cathedral", 2), all("a choir in a cathedral", 2));
    }
}
