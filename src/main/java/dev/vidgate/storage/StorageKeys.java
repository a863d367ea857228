package dev.vidgate.storage;

import java.util.regex.Pattern;

/** The one definition of a valid content-store key (see {@link ContentStore}), shared by every adapter. */
public final class StorageKeys {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    private StorageKeys() {}

    /**
     * Accepts {@code /}-separated segments of {@code [A-Za-z0-9._-]}; rejects null, empty segments, {@code .} and
     * {@code ..}, leading or trailing slashes, backslashes and anything else with {@link IllegalArgumentException}.
     */
    public static String validate(String key) {
        if (key == null || key.isEmpty()) throw new IllegalArgumentException("key must not be empty");
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid key: " + key);
            }
        }
        return key;
    }
}
