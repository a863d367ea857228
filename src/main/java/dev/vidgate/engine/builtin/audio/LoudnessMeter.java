package dev.vidgate.engine.builtin.audio;

/**
 * Integrated loudness of a 48 kHz stereo signal, in LUFS, as ITU-R BS.1770-4 defines it: K-weighting
 * (a high shelf and a high pass), mean square per channel over 400 ms blocks overlapping by 75%, an
 * absolute gate at -70 LUFS and a relative gate 10 LU below the ungated mean. Streaming: memory holds
 * one block power per 100 ms of signal.
 */
final class LoudnessMeter {
    /** K-weighting at 48 kHz: stage 1 (shelf) and stage 2 (high pass) biquad coefficients, from BS.1770. */
    private static final double[] SHELF_B = {1.53512485958697, -2.69169618940638, 1.19839281085285};
    private static final double[] SHELF_A = {-1.69065929318241, 0.73248077421585};
    private static final double[] PASS_B = {1.0, -2.0, 1.0};
    private static final double[] PASS_A = {-1.99004745483398, 0.99007225036621};
    private static final int QUARTER = 4800; // 100 ms at 48 kHz

    private final double[][] state = new double[2][8];
    private final java.util.List<Double> quarters = new java.util.ArrayList<>();
    private double sum;
    private int inQuarter;

    /** Feeds {@code n} samples of each channel. */
    void accept(float[] left, float[] right, int n) {
        for (int i = 0; i < n; i++) {
            double l = weigh(left[i], state[0]);
            double r = weigh(right[i], state[1]);
            sum += l * l + r * r;
            if (++inQuarter == QUARTER) {
                quarters.add(sum / QUARTER);
                sum = 0;
                inQuarter = 0;
            }
        }
    }

    private static double weigh(double x, double[] s) {
        double y = SHELF_B[0] * x + SHELF_B[1] * s[0] + SHELF_B[2] * s[1] - SHELF_A[0] * s[2] - SHELF_A[1] * s[3];
        s[1] = s[0];
        s[0] = x;
        s[3] = s[2];
        s[2] = y;
        double z = PASS_B[0] * y + PASS_B[1] * s[4] + PASS_B[2] * s[5] - PASS_A[0] * s[6] - PASS_A[1] * s[7];
        s[5] = s[4];
        s[4] = y;
        s[7] = s[6];
        s[6] = z;
        return z;
    }

    /** The gated integrated loudness so far, or negative infinity for silence. */
    double integrated() {
        int blocks = quarters.size() - 3;
        if (blocks <= 0) return Double.NEGATIVE_INFINITY;
        double[] power = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            power[b] = (quarters.get(b) + quarters.get(b + 1) + quarters.get(b + 2) + quarters.get(b + 3)) / 4;
        }
        double absolute = Math.pow(10, (-70 + 0.691) / 10);
        double relative = Math.pow(10, (lufs(mean(power, absolute)) - 10 + 0.691) / 10);
        return lufs(mean(power, Math.max(absolute, relative)));
    }

    private static double mean(double[] power, double gate) {
        double total = 0;
        int count = 0;
        for (double p : power) {
            if (p > gate) {
                total += p;
                count++;
            }
        }
        return count == 0 ? 0 : total / count;
    }

    private static double lufs(double power) {
        return power <= 0 ? Double.NEGATIVE_INFINITY : -0.691 + 10 * Math.log10(power);
    }
}
