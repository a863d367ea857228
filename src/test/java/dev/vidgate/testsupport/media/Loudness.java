package dev.vidgate.testsupport.media;

/**
 * Test helper: integrated loudness (LUFS) of decoded audio by ITU-R BS.1770-4, written independently of
 * the renderer's own meter: the K-weighting filters are derived for the actual sample rate from their
 * analogue prototypes (as in the standard's reference implementations), and the whole signal is gated
 * in one go.
 */
public final class Loudness {
    private Loudness() {}

    /** Integrated loudness of {@code channels} (one array per channel, same length) at {@code rate} Hz. */
    public static double integrated(float[][] channels, int rate) {
        double[][] weighted = new double[channels.length][];
        for (int c = 0; c < channels.length; c++) weighted[c] = kWeight(channels[c], rate);
        int block = (int) Math.round(0.4 * rate);
        int step = (int) Math.round(0.1 * rate);
        int samples = channels.length == 0 ? 0 : channels[0].length;
        java.util.List<Double> powers = new java.util.ArrayList<>();
        for (int start = 0; start + block <= samples; start += step) {
            double z = 0;
            for (double[] ch : weighted) {
                double sum = 0;
                for (int i = start; i < start + block; i++) sum += ch[i] * ch[i];
                z += sum / block;
            }
            powers.add(z);
        }
        double absoluteGate = Math.pow(10, (-70 + 0.691) / 10);
        double ungated = gatedMean(powers, absoluteGate);
        if (ungated == 0) return Double.NEGATIVE_INFINITY;
        double relativeGate = Math.pow(10, (-0.691 + 10 * Math.log10(ungated) - 10 + 0.691) / 10);
        double gated = gatedMean(powers, Math.max(absoluteGate, relativeGate));
        return -0.691 + 10 * Math.log10(gated);
    }

    private static double gatedMean(java.util.List<Double> powers, double gate) {
        double sum = 0;
        int n = 0;
        for (double p : powers) {
            if (p > gate) {
                sum += p;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Pre-filter (high shelf, +4 dB above ~1.5 kHz) then RLB high pass (~38 Hz), bilinear transform at {@code rate}. */
    static double[] kWeight(float[] x, int rate) {
        double[] shelf = shelf(rate);
        double[] highPass = highPass(rate);
        double[] y = biquad(toDouble(x), shelf);
        return biquad(y, highPass);
    }

    private static double[] shelf(int rate) {
        double f0 = 1681.974450955533;
        double gain = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / rate);
        double vh = Math.pow(10, gain / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        return new double[] {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
    }

    private static double[] highPass(int rate) {
        double f0 = 38.13547087602444;
        double q = 0.5003270373238773;
        double k = Math.tan(Math.PI * f0 / rate);
        double a0 = 1 + k / q + k * k;
        return new double[] {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
    }

    /** Direct form I with coefficients {b0, b1, b2, a1, a2}. */
    private static double[] biquad(double[] x, double[] c) {
        double[] y = new double[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double v = c[0] * x[i] + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = v;
            y[i] = v;
        }
        return y;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }
}
