package dev.vidgate.engine.builtin.frame;

/**
 * A colour grade, defined on the encoder's YUV so that applying it costs one table look-up per pixel:
 * exposure, S-curve contrast and lifted blacks on luma; saturation and split toning (a colour cast for
 * shadows and one for highlights) on chroma; a light and colour gradient from the top of the frame to
 * the bottom (sky to ground); a colour wash from left to right (neon); a vignette; letterbox bars.
 * Looks are grades; several compose with {@link #then}, and {@link #scaled} fades one in from neutral.
 *
 * <p>Colour casts are offsets of the two chroma channels, in 8-bit steps ({@code u} towards blue,
 * {@code v} towards red): warm light is about {@code (-14, +10)}, blue night {@code (+12, -6)}.
 *
 * @param exposure   luma multiplier
 * @param contrast   slope of the luma S-curve at mid grey (1 = unchanged)
 * @param lift       added to luma, 0..1 of full scale (milky blacks)
 * @param saturation chroma multiplier, 0 = black and white
 * @param shadows    colour cast of dark pixels
 * @param highlights colour cast of bright pixels
 * @param topLight   luma multiplier at the top row, blending to {@code bottomLight}
 * @param topCast    colour cast at the top row, blending to {@code bottomCast}
 * @param bottomLight luma multiplier at the bottom row
 * @param bottomCast colour cast at the bottom row
 * @param leftWash   colour cast at the left edge, blending to {@code rightWash}
 * @param rightWash  colour cast at the right edge
 * @param vignette   how much the corners darken, 0..1
 * @param letterbox  height of each black bar (top and bottom) as a fraction of the frame height, 0..0.5
 */
public record Grade(double exposure, double contrast, double lift, double saturation, Cast shadows, Cast highlights,
                    double topLight, Cast topCast, double bottomLight, Cast bottomCast, Cast leftWash, Cast rightWash,
                    double vignette, double letterbox) {

    /** A shift of the chroma channels, in 8-bit steps. */
    public record Cast(double u, double v) {
        public static final Cast NONE = new Cast(0, 0);

        Cast plus(Cast o) { return new Cast(u + o.u, v + o.v); }

        Cast times(double f) { return new Cast(u * f, v * f); }

        boolean isNone() { return u == 0 && v == 0; }
    }

    public static final Grade NEUTRAL = new Grade(1, 1, 0, 1, Cast.NONE, Cast.NONE, 1, Cast.NONE, 1, Cast.NONE, Cast.NONE, Cast.NONE, 0, 0);

    /** A grade from the main controls: no gradients, wash or bars. */
    public static Grade of(double exposure, double contrast, double lift, double saturation, Cast shadows, Cast highlights, double vignette) {
        return new Grade(exposure, contrast, lift, saturation, shadows, highlights, 1, Cast.NONE, 1, Cast.NONE, Cast.NONE, Cast.NONE,
                vignette, 0);
    }

    public static Cast cast(double u, double v) {
        return new Cast(u, v);
    }

    public Grade withGradient(double topLight, Cast topCast, double bottomLight, Cast bottomCast) {
        return new Grade(exposure, contrast, lift, saturation, shadows, highlights, topLight, topCast, bottomLight, bottomCast,
                leftWash, rightWash, vignette, letterbox);
    }

    public Grade withWash(Cast left, Cast right) {
        return new Grade(exposure, contrast, lift, saturation, shadows, highlights, topLight, topCast, bottomLight, bottomCast,
                left, right, vignette, letterbox);
    }

    public Grade withLetterbox(double bar) {
        return new Grade(exposure, contrast, lift, saturation, shadows, highlights, topLight, topCast, bottomLight, bottomCast,
                leftWash, rightWash, vignette, bar);
    }

    /** An exposure change on top of this grade (flicker). */
    public Grade brighter(double factor) {
        return new Grade(exposure * factor, contrast, lift * factor, saturation, shadows, highlights, topLight, topCast, bottomLight,
                bottomCast, leftWash, rightWash, vignette, letterbox);
    }

    /**
     * This grade followed by {@code next}: multipliers multiply, casts add (scaled by the next saturation,
     * so black and white stays grey), the stronger vignette and taller bars win.
     */
    public Grade then(Grade next) {
        double s = next.saturation;
        return new Grade(exposure * next.exposure, contrast * next.contrast, lift * next.exposure + next.lift, saturation * s,
                shadows.times(s).plus(next.shadows), highlights.times(s).plus(next.highlights),
                topLight * next.topLight, topCast.times(s).plus(next.topCast), bottomLight * next.bottomLight,
                bottomCast.times(s).plus(next.bottomCast), leftWash.times(s).plus(next.leftWash), rightWash.times(s).plus(next.rightWash),
                1 - (1 - vignette) * (1 - next.vignette), Math.max(letterbox, next.letterbox));
    }

    /** The grade at {@code strength} (0 = neutral, 1 = this grade), for fading a look in. */
    public Grade scaled(double strength) {
        if (strength >= 1) return this;
        double s = Math.max(0, strength);
        return new Grade(lerp(1, exposure, s), lerp(1, contrast, s), lift * s, lerp(1, saturation, s), shadows.times(s),
                highlights.times(s), lerp(1, topLight, s), topCast.times(s), lerp(1, bottomLight, s), bottomCast.times(s),
                leftWash.times(s), rightWash.times(s), vignette * s, letterbox * s);
    }

    public boolean isNeutral() {
        return exposure == 1 && contrast == 1 && lift == 0 && saturation == 1 && shadows.isNone() && highlights.isNone()
                && topLight == 1 && topCast.isNone() && bottomLight == 1 && bottomCast.isNone() && leftWash.isNone()
                && rightWash.isNone() && vignette == 0 && letterbox == 0;
    }

    private static double lerp(double a, double b, double s) {
        return a + (b - a) * s;
    }
}
