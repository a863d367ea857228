package dev.vidgate.engine.builtin.audio;

/**
 * One voice of the ambient bed (surf, wind, rain...). It keeps only oscillator and filter state, adds
 * its next samples to the buffers it is given, and is a pure function of its seed: two layers built
 * alike produce the same samples.
 */
interface SoundLayer {
    /** Adds the next {@code n} samples of each channel to {@code left} and {@code right}. */
    void addTo(float[] left, float[] right, int n);

    /** A seeded white noise source in [-1, 1) (xorshift), and the small filters the layers share. */
    final class Source {
        private long state;

        Source(long seed) {
            this.state = seed | 1;
        }

        double white() {
            long x = state;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            state = x;
            return (x >>> 11) * 0x1.0p-53 * 2 - 1;
        }

        /** Uniform in [0, 1). */
        double uniform() {
            return (white() + 1) / 2;
        }
    }

    /** A one-pole low-pass filter. */
    final class LowPass {
        private double coefficient;
        private double y;

        LowPass(double cutoffHz, int rate) {
            set(cutoffHz, rate);
        }

        void set(double cutoffHz, int rate) {
            coefficient = 1 - Math.exp(-2 * Math.PI * cutoffHz / rate);
        }

        double apply(double x) {
            y += coefficient * (x - y);
            return y;
        }
    }

    /** A resonant band-pass filter (RBJ biquad, constant peak gain). */
    final class BandPass {
        private double b0;
        private double b2;
        private double a1;
        private double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        BandPass(double centreHz, double q, int rate) {
            set(centreHz, q, rate);
        }

        void set(double centreHz, double q, int rate) {
            double w = 2 * Math.PI * centreHz / rate;
            double alpha = Math.sin(w) / (2 * q);
            double a0 = 1 + alpha;
            b0 = alpha / a0;
            b2 = -alpha / a0;
            a1 = -2 * Math.cos(w) / a0;
            a2 = (1 - alpha) / a0;
        }

        double apply(double x) {
            double y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
