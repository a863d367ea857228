package dev.vidgate.engine.builtin.audio;

import dev.vidgate.engine.builtin.scene.CameraPath;
import dev.vidgate.engine.builtin.scene.Noise;

import java.util.Random;

/** The noise-based voices of the ambient bed: surf, wind, rain, fire and city. */
final class NoiseLayers {
    private NoiseLayers() {}

    /** Waves: low rumbling noise that swells as each wave comes in and hisses as it breaks and recedes. */
    static SoundLayer surf(int rate, Random random) {
        SoundLayer.Source noise = new SoundLayer.Source(random.nextLong());
        SoundLayer.LowPass[] tone = {new SoundLayer.LowPass(400, rate), new SoundLayer.LowPass(400, rate)};
        double period = 6 + random.nextDouble() * 3;
        double offset = random.nextDouble() * period;
        return new SoundLayer() {
            private long n;
            private double level;

            @Override
            public void addTo(float[] left, float[] right, int count) {
                for (int i = 0; i < count; i++, n++) {
                    if (n % 64 == 0) { // the swell changes slowly: update it every 64 samples
                        double t = n / (double) rate + offset;
                        double phase = (t % period) / period;
                        double swell = phase < 0.35 ? CameraPath.smoothstep(phase / 0.35) : Math.exp(-(phase - 0.35) * 4.5);
                        double cutoff = 250 + 2600 * swell * swell;
                        tone[0].set(cutoff, rate);
                        tone[1].set(cutoff * 1.05, rate);
                        level = 0.18 + 0.82 * swell;
                    }
                    left[i] += (float) (level * tone[0].apply(noise.white()));
                    right[i] += (float) (level * tone[1].apply(noise.white()));
                }
            }
        };
    }

    /** Wind: band-passed noise whose pitch and strength wander in gusts. */
    static SoundLayer wind(int rate, Random random) {
        SoundLayer.Source noise = new SoundLayer.Source(random.nextLong());
        SoundLayer.BandPass[] band = {new SoundLayer.BandPass(500, 1.2, rate), new SoundLayer.BandPass(520, 1.2, rate)};
        long seed = random.nextLong();
        return new SoundLayer() {
            private long n;
            private double gust;

            @Override
            public void addTo(float[] left, float[] right, int count) {
                for (int i = 0; i < count; i++, n++) {
                    if (n % 128 == 0) {
                        double t = n / (double) rate;
                        gust = Noise.wobble(t * 0.35, seed);
                        double centre = 300 + 900 * gust;
                        band[0].set(centre, 1.3, rate);
                        band[1].set(centre * 1.07, 1.3, rate);
                    }
                    double level = 0.35 + 1.1 * gust;
                    left[i] += (float) (level * band[0].apply(noise.white()));
                    right[i] += (float) (level * band[1].apply(noise.white()));
                }
            }
        };
    }

    /** Rain: a steady bright hiss with the patter of single drops on top. */
    static SoundLayer rain(int rate, Random random) {
        SoundLayer.Source noise = new SoundLayer.Source(random.nextLong());
        SoundLayer.LowPass[] body = {new SoundLayer.LowPass(1200, rate), new SoundLayer.LowPass(1200, rate)};
        return new SoundLayer() {
            private final double[] drop = new double[2];
            private final double decay = Math.exp(-1.0 / (0.004 * rate));

            @Override
            public void addTo(float[] left, float[] right, int count) {
                for (int i = 0; i < count; i++) {
                    double l = noise.white();
                    double r = noise.white();
                    double hissL = l - body[0].apply(l);
                    double hissR = r - body[1].apply(r);
                    if (noise.uniform() < 60.0 / rate) drop[noise.uniform() < 0.5 ? 0 : 1] += 0.6 + noise.uniform();
                    drop[0] *= decay;
                    drop[1] *= decay;
                    left[i] += (float) (0.55 * hissL + drop[0] * noise.white() * 0.5);
                    right[i] += (float) (0.55 * hissR + drop[1] * noise.white() * 0.5);
                }
            }
        };
    }

    /** Fire: a low roar with crackles and the odd sharp pop. */
    static SoundLayer fire(int rate, Random random) {
        SoundLayer.Source noise = new SoundLayer.Source(random.nextLong());
        SoundLayer.LowPass[] roar = {new SoundLayer.LowPass(180, rate), new SoundLayer.LowPass(200, rate)};
        SoundLayer.BandPass crackleTone = new SoundLayer.BandPass(2500, 0.8, rate);
        long seed = random.nextLong();
        return new SoundLayer() {
            private long n;
            private double crackle;
            private double pan = 0.5;
            private double breath;
            private final double decay = Math.exp(-1.0 / (0.0025 * rate));

            @Override
            public void addTo(float[] left, float[] right, int count) {
                for (int i = 0; i < count; i++, n++) {
                    if (n % 64 == 0) breath = 0.7 + 0.6 * Noise.wobble(n / (double) rate * 1.5, seed);
                    if (noise.uniform() < 9.0 / rate) {
                        crackle = 0.8 + 2.2 * Math.pow(noise.uniform(), 3);
                        pan = noise.uniform();
                    }
                    crackle *= decay;
                    double c = crackleTone.apply(noise.white()) * crackle * 2;
                    left[i] += (float) (breath * 2.2 * roar[0].apply(noise.white()) + c * (1 - pan));
                    right[i] += (float) (breath * 2.2 * roar[1].apply(noise.white()) + c * pan);
                }
            }
        };
    }

    /** City: the low hum of traffic, cars swishing past from side to side, a far-off horn now and then. */
    static SoundLayer city(int rate, Random random) {
        SoundLayer.Source noise = new SoundLayer.Source(random.nextLong());
        SoundLayer.LowPass[] hum = {new SoundLayer.LowPass(140, rate), new SoundLayer.LowPass(150, rate)};
        SoundLayer.BandPass[] swish = {new SoundLayer.BandPass(900, 0.7, rate), new SoundLayer.BandPass(900, 0.7, rate)};
        double carEvery = 2.5 + random.nextDouble() * 2;
        double hornAt = 2 + random.nextDouble() * 6;
        double hornPitch = 330 + random.nextDouble() * 120;
        return new SoundLayer() {
            private long n;
            private double car;
            private double near;

            @Override
            public void addTo(float[] left, float[] right, int count) {
                for (int i = 0; i < count; i++, n++) {
                    double t = n / (double) rate;
                    if (n % 64 == 0) {
                        car = (t % carEvery) / carEvery; // one car passing per period, left to right
                        near = Math.exp(-Math.pow((car - 0.5) * 5, 2));
                    }
                    double l = hum[0].apply(noise.white()) * 3.2 + swish[0].apply(noise.white()) * near * 0.9 * (1.2 - car);
                    double r = hum[1].apply(noise.white()) * 3.2 + swish[1].apply(noise.white()) * near * 0.9 * (0.2 + car);
                    double h = t - hornAt;
                    if (h > 0 && h < 0.6) {
                        double env = Math.min(1, h / 0.03) * Math.min(1, (0.6 - h) / 0.1) * 0.05;
                        double tone = Math.sin(2 * Math.PI * hornPitch * h) + 0.5 * Math.sin(2 * Math.PI * hornPitch * 1.26 * h);
                        l += env * tone;
                        r += env * tone * 0.7;
                    }
                    left[i] += (float) l;
                    right[i] += (float) r;
                }
            }
        };
    }
}
