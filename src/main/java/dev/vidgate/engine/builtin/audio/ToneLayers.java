package dev.vidgate.engine.builtin.audio;

import java.util.Random;

/** The tonal voices of the ambient bed: birdsong, and music (a breathing chord with soft bell notes). */
final class ToneLayers {
    private static final int TABLE_BITS = 12;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    private static final float[] SINE = sineTable();
    /** Pentatonic roots from G2 to E3, in Hz. */
    private static final double[] ROOTS = {98.00, 110.00, 123.47, 130.81, 146.83, 164.81};
    private static final double[] RATIOS = {1.0, 1.5, 2.0, 2.5};
    private static final double[] LEVELS = {1.0, 0.55, 0.40, 0.22};
    /** Major pentatonic steps (semitones) for the bell melody, two octaves up from the root. */
    private static final int[] SCALE = {0, 2, 4, 7, 9, 12, 14, 16};

    private ToneLayers() {}

    private static float[] sineTable() {
        float[] table = new float[TABLE_SIZE + 1];
        for (int i = 0; i <= TABLE_SIZE; i++) table[i] = (float) StrictMath.sin(2 * Math.PI * i / TABLE_SIZE);
        return table;
    }

    /** sin(2 pi phase) for a phase in [0, 1), by linear interpolation in a table. */
    static double sine(double phase) {
        double x = phase * TABLE_SIZE;
        int i = (int) x;
        double frac = x - i;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * frac;
    }

    private static double wrap(double phase) {
        return phase - Math.floor(phase);
    }

    /** Birds: phrases of quick rising and falling chirps from a few birds around the listener. */
    static SoundLayer birds(int rate, Random random) {
        SoundLayer.Source dice = new SoundLayer.Source(random.nextLong());
        int voices = 3;
        return new SoundLayer() {
            private final double[] start = new double[voices];
            private final double[] duration = new double[voices];
            private final double[] from = new double[voices];
            private final double[] to = new double[voices];
            private final double[] phase = new double[voices];
            private final double[] pan = new double[voices];
            private final int[] chirpsLeft = new int[voices];
            private final double[] gap = new double[voices];
            private long n;

            {
                java.util.Arrays.fill(start, -1);
            }

            @Override
            public void addTo(float[] left, float[] right, int count) {
                for (int i = 0; i < count; i++, n++) {
                    double t = n / (double) rate;
                    double l = 0;
                    double r = 0;
                    for (int v = 0; v < voices; v++) {
                        double age = t - start[v];
                        if (start[v] < 0 || age > duration[v] + gap[v]) {
                            if (chirpsLeft[v] > 0) {
                                chirpsLeft[v]--;
                                chirp(v, t, false);
                            } else if (dice.uniform() < 0.45 / rate) {
                                chirpsLeft[v] = 2 + (int) (dice.uniform() * 5);
                                chirp(v, t, true);
                            } else {
                                continue;
                            }
                            age = 0;
                        }
                        if (age > duration[v]) continue;
                        double u = age / duration[v];
                        double f = from[v] + (to[v] - from[v]) * u + 180 * sine(wrap(age * 38));
                        phase[v] = wrap(phase[v] + f / rate);
                        double s = sine(phase[v]) * sine(0.5 * u) * 0.5;
                        l += s * (1 - pan[v]);
                        r += s * pan[v];
                    }
                    left[i] += (float) l;
                    right[i] += (float) r;
                }
            }

            private void chirp(int v, double t, boolean newPhrase) {
                start[v] = t;
                duration[v] = 0.05 + dice.uniform() * 0.09;
                gap[v] = 0.04 + dice.uniform() * 0.12;
                double base = 2600 + dice.uniform() * 2600;
                boolean rising = dice.uniform() < 0.5;
                from[v] = rising ? base : base * 1.35;
                to[v] = rising ? base * 1.35 : base;
                if (newPhrase) pan[v] = 0.15 + 0.7 * dice.uniform();
            }
        };
    }

    /**
     * Music: a slowly breathing chord (root, fifth, octave, tenth), slightly detuned between left and
     * right, with soft bell notes from the pentatonic scale above it. The root comes from the prompt.
     */
    static SoundLayer music(int rate, Random random) {
        double root = ROOTS[random.nextInt(ROOTS.length)];
        double[][] increments = new double[2][RATIOS.length];
        double[][] phases = new double[2][RATIOS.length];
        double[] lfoRates = new double[RATIOS.length];
        double[] lfoPhases = new double[RATIOS.length];
        for (int p = 0; p < RATIOS.length; p++) {
            double f = root * RATIOS[p];
            increments[0][p] = f / rate;
            increments[1][p] = f * (1.0017 + 0.001 * p) / rate; // slow beating, stereo width
            phases[0][p] = random.nextDouble();
            phases[1][p] = random.nextDouble();
            lfoRates[p] = (0.05 + random.nextDouble() * 0.15) / rate;
            lfoPhases[p] = random.nextDouble();
        }
        SoundLayer.Source dice = new SoundLayer.Source(random.nextLong());
        return new SoundLayer() {
            private double bellIncrement;
            private double bellPhase;
            private double bellLevel;
            private double bellPan = 0.5;
            private long nextBell = (long) (0.8 * rate);
            private long n;
            private final double bellDecay = Math.exp(-1.0 / (1.1 * rate));
            private final double[] lfo = new double[RATIOS.length];

            @Override
            public void addTo(float[] left, float[] right, int count) {
                for (int i = 0; i < count; i++, n++) {
                    if (n >= nextBell) {
                        int step = SCALE[(int) (dice.uniform() * SCALE.length)];
                        bellIncrement = root * 4 * Math.pow(2, step / 12.0) / rate;
                        bellLevel = 0.25 + 0.15 * dice.uniform();
                        bellPan = 0.25 + 0.5 * dice.uniform();
                        nextBell = n + (long) ((0.9 + 1.4 * dice.uniform()) * rate);
                    }
                    bellLevel *= bellDecay;
                    bellPhase = wrap(bellPhase + bellIncrement);
                    double bell = bellLevel * (sine(bellPhase) + 0.25 * sine(wrap(2 * bellPhase)));
                    if (n % 64 == 0) {
                        for (int p = 0; p < RATIOS.length; p++) lfo[p] = LEVELS[p] * (0.72 + 0.28 * sine(lfoPhases[p]));
                    }
                    for (int ch = 0; ch < 2; ch++) {
                        double sum = 0;
                        for (int p = 0; p < RATIOS.length; p++) {
                            sum += lfo[p] * sine(phases[ch][p]);
                            phases[ch][p] = wrap(phases[ch][p] + increments[ch][p]);
                        }
                        sum += bell * (ch == 0 ? 1 - bellPan : bellPan) * 2;
                        if (ch == 0) left[i] += (float) (0.25 * sum);
                        else right[i] += (float) (0.25 * sum);
                    }
                    for (int p = 0; p < RATIOS.length; p++) lfoPhases[p] = wrap(lfoPhases[p] + lfoRates[p]);
                }
            }
        };
    }
}
