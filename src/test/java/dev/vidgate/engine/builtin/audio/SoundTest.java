package dev.vidgate.engine.builtin.audio;

import dev.vidgate.engine.builtin.Clips;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Ambience;
import dev.vidgate.engine.builtin.prompt.PromptReader;
import dev.vidgate.engine.builtin.prompt.PromptSeed;
import dev.vidgate.testsupport.media.Loudness;
import dev.vidgate.testsupport.media.Mp4Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ambient sound bed: chosen from the prompt, faded, at about -20 LUFS and never clipped. */
class SoundTest {
    private static final int RATE = 48_000;

    @TempDir
    static Path dir;

    /** The whole bed for a prompt, one array per channel. */
    private static float[][] bed(String prompt, int seconds) {
        AmbientBed bed = new AmbientBed(PromptReader.read(prompt), PromptSeed.of(prompt, "sound"), RATE, (long) seconds * RATE);
        float[][] out = new float[2][seconds * RATE];
        float[] chunk = new float[2000 * 2];
        int at = 0;
        int n;
        while ((n = bed.next(chunk, 2000)) > 0) {
            for (int i = 0; i < n; i++, at++) {
                out[0][at] = chunk[2 * i];
                out[1][at] = chunk[2 * i + 1];
            }
        }
        assertEquals(seconds * RATE, at, "samples per channel");
        return out;
    }

    private static double peak(float[][] channels) {
        double peak = 0;
        for (float[] ch : channels) for (float v : ch) peak = Math.max(peak, Math.abs(v));
        return peak;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"waves on the shore, WAVES", "a windy hill, WIND", "rain on a tin roof, RAIN", "a crackling campfire, FIRE",
            "city traffic, CITY", "birds in the garden, BIRDS", "soft piano music, MUSIC", "海浪, WAVES", "雨声, RAIN", "鸟鸣, BIRDS"})
    void eachSoundWordBringsItsLayer(String prompt, Ambience expected) {
        assertTrue(AmbientBed.soundsFor(PromptReader.read(prompt)).contains(expected));
    }

    @Test
    void scenesWithoutSoundWordsGetTheirNaturalSound() {
        assertEquals(Set.of(Ambience.WAVES, Ambience.WIND), AmbientBed.soundsFor(PromptReader.read("a lighthouse")));
        assertEquals(Set.of(Ambience.MUSIC), AmbientBed.soundsFor(PromptReader.read("a cat on a sofa")));
        assertTrue(AmbientBed.soundsFor(PromptReader.read("a silent film, no sound")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"waves on the shore", "wind over the dunes", "rain on a tin roof", "a crackling campfire",
            "city traffic at rush hour", "birds singing in the forest", "soft piano music", "rain in the city with music"})
    void everyBedIsAtTwentyLufsWithoutClipping(String prompt) {
        float[][] samples = bed(prompt, 6);
        double lufs = Loudness.integrated(samples, RATE);
        assertEquals(AmbientBed.TARGET_LUFS, lufs, 0.5, prompt);
        assertTrue(peak(samples) <= 0.891, prompt + " peaks at " + peak(samples));
    }

    @Test
    void theBedFadesInAndOut() {
        float[][] samples = bed("waves on the shore", 4);
        for (float[] ch : samples) {
            assertTrue(Math.abs(ch[0]) < 1e-3 && Math.abs(ch[ch.length - 1]) < 1e-3, "starts and ends silent");
            double start = rms(ch, 0, RATE / 20);
            double middle = rms(ch, 2 * RATE, 2 * RATE + RATE / 20);
            assertTrue(start < middle / 4, "fades in: " + start + " vs " + middle);
        }
    }

    @Test
    void silenceOnlyWhenAsked() {
        assertEquals(0, peak(bed("silent, no sound", 2)));
        assertTrue(peak(bed("a quiet library", 2)) > 0.01, "quiet is not silent");
    }

    @Test
    void theSamePromptSoundsTheSame() {
        assertArrayEquals(bed("rain in the city", 2)[0], bed("rain in the city", 2)[0]);
    }

    @Test
    void rainHissesWhereWavesRumble() {
        assertTrue(crossings(bed("rain", 3)[0]) > 2 * crossings(bed("waves", 3)[0]));
    }

    @Test
    void theMp4CarriesTheBedAtTheTargetLoudness() {
        Mp4Probe mp4 = Clips.prompt("birds singing in a forest").seconds(4).render(dir);
        assertTrue(mp4.hasAudio());
        assertEquals(4 * RATE, mp4.audioSamples(), 2048);
        assertEquals(AmbientBed.TARGET_LUFS, mp4.loudness(), 1.0);
        assertTrue(mp4.audioPeak() < 0.95, "no clipping: peak " + mp4.audioPeak());
    }

    @Test
    void aSilentPromptStillHasAnAudioTrackButNoSound() {
        Mp4Probe mp4 = Clips.prompt("a silent sunrise, no audio").seconds(2).render(dir);
        assertTrue(mp4.hasAudio());
        assertTrue(mp4.audioPeak() < 1e-3, "peak " + mp4.audioPeak());
    }

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += x[i] * x[i];
        return Math.sqrt(sum / (to - from));
    }

    private static int crossings(float[] x) {
        int n = 0;
        for (int i = 1; i < x.length; i++) if ((x[i - 1] < 0) != (x[i] < 0)) n++;
        return n;
    }
}
