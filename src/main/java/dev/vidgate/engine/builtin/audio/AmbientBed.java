package dev.vidgate.engine.builtin.audio;

import dev.vidgate.engine.builtin.prompt.PromptDirection.Ambience;
import dev.vidgate.engine.builtin.prompt.PromptDirection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The clip's sound: ambient layers chosen from the prompt's words (waves, wind, rain, fire, city,
 * birds, music; silence only when the prompt asks for it), mixed with the first one leading, faded in
 * and out, and normalised to {@value #TARGET_LUFS} LUFS integrated loudness with peaks kept below
 * -1 dBFS. Interleaved stereo float samples come out in chunks, keeping only oscillator state, so memory
 * does not depend on the clip length.
 *
 * <p>The loudness is measured, not guessed: the bed is synthesised once in advance through a
 * {@link LoudnessMeter} (deterministically, so the second run is identical) and the gain set from that.
 */
public final class AmbientBed {
    static final double TARGET_LUFS = -20;
    /** Leading layer first: the order in which present sounds take the lead. */
    private static final Ambience[] LEAD = {Ambience.RAIN, Ambience.WAVES, Ambience.FIRE, Ambience.CITY, Ambience.BIRDS,
            Ambience.WIND, Ambience.MUSIC};
    private static final double SUPPORT = 0.55;
    /**
     * Per-layer gains that bring each voice, alone at weight 1, to about -20 LUFS (measured once with
     * {@link LoudnessMeter} over 30 s), so the mix weights mean what they say.
     */
    private static final java.util.Map<Ambience, Double> CALIBRATION = java.util.Map.of(
            Ambience.WAVES, 0.381, Ambience.WIND, 0.548, Ambience.RAIN, 0.164, Ambience.FIRE, 0.519,
            Ambience.CITY, 0.437, Ambience.BIRDS, 0.433, Ambience.MUSIC, 0.488);
    private static final double PEAK = 0.89; // -1 dBFS
    private static final int CHUNK = 2000;

    private final int rate;
    private final long total;
    private final long fadeIn;
    private final long fadeOut;
    private final double gain;
    private final Mix mix;
    private final float[] left = new float[CHUNK];
    private final float[] right = new float[CHUNK];
    private long position;

    /** The layers and their weights, rebuilt identically for each pass. */
    private record Mix(List<SoundLayer> layers, double[] weights, float[] l, float[] r) {
        Mix(List<SoundLayer> layers, double[] weights) {
            this(layers, weights, new float[CHUNK], new float[CHUNK]);
        }

        void render(float[] left, float[] right, int n) {
            java.util.Arrays.fill(left, 0, n, 0f);
            java.util.Arrays.fill(right, 0, n, 0f);
            for (int k = 0; k < layers.size(); k++) {
                java.util.Arrays.fill(l, 0, n, 0f);
                java.util.Arrays.fill(r, 0, n, 0f);
                layers.get(k).addTo(l, r, n);
                float w = (float) weights[k];
                for (int i = 0; i < n; i++) {
                    left[i] += w * l[i];
                    right[i] += w * r[i];
                }
            }
        }
    }

    /** @param totalSamples length of the bed, in samples per channel */
    public AmbientBed(PromptDirection direction, long seed, int rate, long totalSamples) {
        this.rate = rate;
        this.total = totalSamples;
        this.fadeIn = Math.min((long) (0.8 * rate), totalSamples / 4);
        this.fadeOut = Math.min((long) (1.2 * rate), totalSamples / 4);
        Set<Ambience> sounds = soundsFor(direction);
        this.gain = sounds.isEmpty() ? 0 : targetGain(measure(build(sounds, seed)));
        this.mix = build(sounds, seed);
    }

    /** The prompt's sounds, or the ones its scene implies; none only when the prompt asks for silence. */
    public static Set<Ambience> soundsFor(PromptDirection direction) {
        if (direction.silent()) return EnumSet.noneOf(Ambience.class);
        if (!direction.sounds().isEmpty()) return EnumSet.copyOf(direction.sounds());
        return switch (direction.scene()) {
            case SEA -> EnumSet.of(Ambience.WAVES, Ambience.WIND);
            case SKY -> EnumSet.of(Ambience.WIND);
            case CITY -> EnumSet.of(Ambience.CITY);
            case FOREST -> EnumSet.of(Ambience.BIRDS, Ambience.WIND);
            case FIRE -> EnumSet.of(Ambience.FIRE);
            case SPACE, ABSTRACT -> EnumSet.of(Ambience.MUSIC);
        };
    }

    private Mix build(Set<Ambience> sounds, long seed) {
        List<SoundLayer> layers = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Ambience sound : LEAD) {
            if (!sounds.contains(sound)) continue;
            Random random = new Random(seed ^ (sound.ordinal() * 0x9E3779B97F4A7C15L));
            layers.add(switch (sound) {
                case WAVES -> NoiseLayers.surf(rate, random);
                case WIND -> NoiseLayers.wind(rate, random);
                case RAIN -> NoiseLayers.rain(rate, random);
                case FIRE -> NoiseLayers.fire(rate, random);
                case CITY -> NoiseLayers.city(rate, random);
                case BIRDS -> ToneLayers.birds(rate, random);
                case MUSIC -> ToneLayers.music(rate, random);
            });
            weights.add((weights.isEmpty() ? 1.0 : SUPPORT) * CALIBRATION.get(sound));
        }
        return new Mix(layers, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The integrated loudness of the faded mix at unit gain. */
    private double measure(Mix m) {
        LoudnessMeter meter = new LoudnessMeter();
        float[] l = new float[CHUNK];
        float[] r = new float[CHUNK];
        for (long at = 0; at < total; at += CHUNK) {
            int n = (int) Math.min(CHUNK, total - at);
            m.render(l, r, n);
            fade(l, r, n, at, 1);
            meter.accept(l, r, n);
        }
        return meter.integrated();
    }

    private static double targetGain(double measured) {
        return Double.isInfinite(measured) ? 0 : Math.pow(10, (TARGET_LUFS - measured) / 20);
    }

    private void fade(float[] l, float[] r, int n, long at, double g) {
        for (int i = 0; i < n; i++) {
            long s = at + i;
            double e = g;
            if (s < fadeIn) e *= raisedCosine(s / (double) fadeIn);
            long left = total - 1 - s;
            if (left < fadeOut) e *= raisedCosine(left / (double) fadeOut);
            l[i] = (float) (l[i] * e);
            r[i] = (float) (r[i] * e);
        }
    }

    private static double raisedCosine(double u) {
        return 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, Math.min(1, u)));
    }

    /**
     * Writes the next {@code frames} stereo sample pairs into {@code interleaved} (left, right, ...) and
     * returns how many were written: fewer at the end of the bed, 0 once it is over.
     */
    public int next(float[] interleaved, int frames) {
        int written = 0;
        while (written < frames && position < total) {
            int n = (int) Math.min(Math.min(CHUNK, frames - written), total - position);
            mix.render(left, right, n);
            fade(left, right, n, position, gain);
            for (int i = 0; i < n; i++) {
                interleaved[2 * (written + i)] = limit(left[i]);
                interleaved[2 * (written + i) + 1] = limit(right[i]);
            }
            written += n;
            position += n;
        }
        return written;
    }

    /** Leaves the signal alone below -1.4 dBFS and bends anything above smoothly under -1 dBFS. */
    private static float limit(float x) {
        double knee = 0.85;
        double a = Math.abs(x);
        if (a <= knee) return x;
        double bent = knee + (PEAK - knee) * Math.tanh((a - knee) / (PEAK - knee));
        return (float) Math.copySign(bent, x);
    }
}
