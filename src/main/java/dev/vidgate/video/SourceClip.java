package dev.vidgate.video;

/**
 * The footage an edit or an extension starts from, as stored with the job (its MP4 at {@link Video#sourceKey()}).
 *
 * @param kind    an edit (the job keeps the source's size and length) or an extension (the job's length is the source's
 *                plus the added seconds)
 * @param videoId the completed video it came from, or {@code null} for an uploaded clip
 * @param seconds the source's length in whole seconds
 */
public record SourceClip(Kind kind, String videoId, int seconds) {
    public enum Kind {
        EDIT, EXTENSION;

        /** {@code edit}, {@code extension}: how the database keeps it. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromWire(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public SourceClip {
        java.util.Objects.requireNonNull(kind, "kind");
        if (seconds < 1) throw new IllegalArgumentException("a source clip lasts at least a second");
    }

    public boolean isExtension() {
        return kind == Kind.EXTENSION;
    }
}
