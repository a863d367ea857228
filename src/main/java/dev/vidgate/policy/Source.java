package dev.vidgate.policy;

/** Who decided a block: the built-in rules, the external classifier, the face detector or the upstream provider. */
public enum Source {
    RULES, CLASSIFIER, FACES, PROVIDER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Source parse(String wireName) {
        return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }
}
