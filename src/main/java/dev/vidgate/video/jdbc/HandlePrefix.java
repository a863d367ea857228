package dev.vidgate.video.jdbc;

/** Matching engine handles that start with a prefix ({@code <channel>/} for a relay job): LIKE's wildcards in it escaped. */
final class HandlePrefix {
    /** The condition, with one parameter: {@link #pattern}. */
    static final String LIKE = "engine_handle LIKE ? ESCAPE '\\'";

    private HandlePrefix() {}

    static String pattern(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
