package dev.vidgate.policy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How much of the content policy applies to a request: {@code strict} is the seed's rules (all four prompt categories,
 * faces in input images, the classifier), {@code standard} only minors and real people (and the classifier),
 * {@code off} nothing (the upstream engine's own moderation still applies).
 */
public enum Level {
    STRICT(EnumSet.allOf(Category.class)),
    STANDARD(EnumSet.of(Category.MINORS, Category.REAL_PEOPLE, Category.UNSAFE)),
    OFF(EnumSet.noneOf(Category.class));

    private final Set<Category> categories;

    Level(Set<Category> categories) {
        this.categories = categories;
    }

    public boolean covers(Category category) {
        return categories.contains(category);
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Level> parse(String wireName) {
        return Arrays.stream(values()).filter(l -> l.wireName().equals(wireName)).findFirst();
    }

    /** The accepted names, for messages. */
    public static String names() {
        return "strict, standard or off";
    }
}
