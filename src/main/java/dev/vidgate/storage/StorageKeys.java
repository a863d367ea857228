package dev.vidgate.storage;


/** The one definition of a valid content-store key (see {@link ContentStore}), shared by every adapter. */
public final class StorageKeys {

    private StorageKeys() {}

    /**
     * Accepts {@code /}-separated segments of {@code [A-Za-z0-9._-]}; rejects null, empty segments, {@code .} and
     * {@code ..}, leading or trailing slashes, backslashes and anything else with {@link IllegalArgumentException}.
     */
    public static String validate(String key) {
        if (key == null || key.isEmpty()) throw new IllegalArgumentException("key must not be empty");
        // one pass over the characters: this runs on every download, where a regex per segment showed in profiles
        int segmentStart = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == '/') {
                int length = i - segmentStart;
                boolean dots = (length == 1 || length == 2) && key.charAt(segmentStart) == '.' && key.charAt(i - 1) == '.';
                if (length == 0 || dots) throw new IllegalArgumentException("invalid key: " + key);
                segmentStart = i + 1;
            } else if (!allowed(key.charAt(i))) {
                throw new IllegalArgumentException("invalid key: " + key);
            }
        }
        return key;
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }
}
