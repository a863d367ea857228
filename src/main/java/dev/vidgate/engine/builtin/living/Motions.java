package dev.vidgate.engine.builtin.living;

import dev.vidgate.engine.builtin.prompt.PromptDirection.Life;

import java.util.Set;

/**
 * How strongly each living motion plays (0 = off, 1 = as named), from the prompt's living words: the
 * motions it names at full strength and no others; with no such word every region found moves gently
 * (a living picture); a phrase asking for a still picture ("still picture", "static shot", "no motion") stops them all.
 *
 * @param pace the prompt's pace (slow/fast words), clamped to 0.5..1.8; scales speeds
 */
record Motions(double waves, double ripples, double sway, double clouds, double flicker, double rising, double pace) {
    private static final double GENTLE = 0.6;

    static Motions of(Set<Life> life, double pace) {
        double p = Math.max(0.5, Math.min(1.8, pace));
        if (life.contains(Life.STILL)) return new Motions(0, 0, 0, 0, 0, 0, p);
        if (life.isEmpty()) return new Motions(0, GENTLE, GENTLE, GENTLE, GENTLE * 0.6, GENTLE, p);
        return new Motions(on(life, Life.WAVES), on(life, Life.RIPPLES), on(life, Life.SWAY), on(life, Life.CLOUDS),
                on(life, Life.FLICKER), on(life, Life.RISING), p);
    }

    private static double on(Set<Life> life, Life l) {
        return life.contains(l) ? 1 : 0;
    }

    boolean none() {
        return waves + ripples + sway + clouds + flicker + rising == 0;
    }
}
