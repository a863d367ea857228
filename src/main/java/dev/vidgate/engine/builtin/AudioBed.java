package dev.vidgate.engine.builtin;

import java.util.Random;

/**
 * A quiet ambient sound bed: a slowly breathing drone chord (root, fifth, octave, tenth) with a touch
 * of soft filtered noise, slightly detuned between left and right, faded in and out. The chord root
 * comes from the prompt, so the same prompt always sounds the same. Peaks stay near -14 dBFS.
 *
 * <p>Produces interleaved stereo float samples in chunks, keeping only oscillator state, so memory
 * does not depend on the clip length.
 */
final class AudioBed {
    private static final int TABLE_BITS = 12;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    private static final float[] SINE = sineTable();
    /** Pentatonic roots from G2 to E3, in Hz. */
    private static final double[] ROOTS = {98.00, 110.00, 123.47, 130.81, 146.83, 164.81};
    private static final double[] RATIOS = {1.0, 1.5, 2.0, 2.5};
    private static final double[] LEVELS = {1.0, 0.55, 0.40, 0.22};
    private static final double MASTER = 0.075;
    private static final double NOISE_LEVEL = 0.9;

    private final long totalSamples;
    private final long fadeIn;
    private final long fadeOut;
    private final double[][] increments = new double[2][RATIOS.length];
    private final double[][] phases = new double[2][RATIOS.length];
    private final double[] lfoRates = new double[RATIOS.length];
    private final double[] lfoPhases = new double[RATIOS.length];
    private final double noiseCoefficient;
    private final double[] noiseState = new double[2];
    private long noiseSeed;
    private long position;

    /** @param totalSamples length of the whole bed, in samples per channel */
    AudioBed(String prompt, int sampleRate, long totalSamples) {
        this.totalSamples = totalSamples;
        this.fadeIn = Math.min((long) (0.6 * sampleRate), totalSamples / 4);
        this.fadeOut = Math.min((long) (1.0 * sampleRate), totalSamples / 4);
        Random random = new Random(PromptSeed.of(prompt, "audio-bed"));
        double root = ROOTS[random.nextInt(ROOTS.length)];
        for (int p = 0; p < RATIOS.length; p++) {
            double f = root * RATIOS[p];
            increments[0][p] = f / sampleRate;
            increments[1][p] = f * (1.0017 + 0.001 * p) / sampleRate; // slow beating, stereo width
            phases[0][p] = random.nextDouble();
            phases[1][p] = random.nextDouble();
            lfoRates[p] = (0.05 + random.nextDouble() * 0.15) / sampleRate;
            lfoPhases[p] = random.nextDouble();
        }
        this.noiseCoefficient = 1 - StrictMath.exp(-2 * Math.PI * 500.0 / sampleRate);
        this.noiseSeed = random.nextLong() | 1;
    }

    private static float[] sineTable() {
        float[] table = new float[TABLE_SIZE + 1];
        for (int i = 0; i <= TABLE_SIZE; i++) table[i] = (float) StrictMath.sin(2 * Math.PI * i / TABLE_SIZE);
        return table;
    }

    /** sin(2 pi phase) for a phase in [0, 1), by linear interpolation in a table. */
    private static double sine(double phase) {
        double x = phase * TABLE_SIZE;
        int i = (int) x;
        double frac = x - i;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * frac;
    }

    /**
     * Writes the next {@code frames} stereo sample pairs into {@code interleaved} (left, right, ...)
     * and returns how many were written: fewer at the end of the bed, 0 once it is over.
     */
    int next(float[] interleaved, int frames) {
        int n = (int) Math.min(frames, totalSamples - position);
        for (int i = 0; i < n; i++, position++) {
            double envelope = MASTER * envelope(position);
            for (int ch = 0; ch < 2; ch++) {
                double sum = 0;
                for (int p = 0; p < RATIOS.length; p++) {
                    double lfo = 0.72 + 0.28 * sine(lfoPhases[p]);
                    sum += LEVELS[p] * lfo * sine(phases[ch][p]);
                    phases[ch][p] = wrap(phases[ch][p] + increments[ch][p]);
                }
                noiseState[ch] += noiseCoefficient * (whiteNoise() - noiseState[ch]);
                sum += NOISE_LEVEL * noiseState[ch];
                interleaved[2 * i + ch] = (float) (envelope * sum);
            }
            for (int p = 0; p < RATIOS.length; p++) lfoPhases[p] = wrap(lfoPhases[p] + lfoRates[p]);
        }
        return n;
    }

    private double envelope(long s) {
        double e = 1;
        if (s < fadeIn) e = raisedCosine(s / (double) fadeIn);
        long left = totalSamples - 1 - s;
        if (left < fadeOut) e = Math.min(e, raisedCosine(left / (double) fadeOut));
        return e;
    }

    private static double raisedCosine(double u) {
        return 0.5 - 0.5 * sine(0.5 * u + 0.25); // (1 - cos(pi u)) / 2, rising 0..1
    }

    private static double wrap(double phase) {
        return phase >= 1 ? phase - 1 : phase;
    }

    /** Uniform noise in [-1, 1) from a xorshift generator. */
    private double whiteNoise() {
        long x = noiseSeed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        noiseSeed = x;
        return (x >>> 11) * 0x1.0p-53 * 2 - 1;
    }
}
