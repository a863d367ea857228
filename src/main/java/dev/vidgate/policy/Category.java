package dev.vidgate.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a block is about, as the client's error and the audit name it. The first four are the seed's rules for prompts,
 * {@code faces} its rule for input images; {@code unsafe} is what an external classifier flags beyond them and
 * {@code unspecified} a provider's verdict that gives no reason.
 */
public enum Category {
    MINORS("minors", "The prompt asks for sexual or violent content that is not suitable for viewers under 18."),
    REAL_PEOPLE("real_people", "The prompt asks to depict a real person or a public figure."),
    COPYRIGHTED_CHARACTERS("copyrighted_characters", "The prompt asks for a copyrighted character or franchise."),
    COPYRIGHTED_MUSIC("copyrighted_music", "The prompt asks for copyrighted music or lyrics."),
    FACES("faces", "The input image contains a human face."),
    UNSAFE("unsafe", "The prompt was flagged as unsafe content."),
    UNSPECIFIED("unspecified", "The provider's safety system refused the content.");

    private final String wireName;
    private final String sentence;

    Category(String wireName, String sentence) {
        this.wireName = wireName;
        this.sentence = sentence;
    }

    public String wireName() {
        return wireName;
    }

    /** The second sentence of the client's error: names the rule, never what matched. */
    public String sentence() {
        return sentence;
    }

    public static Optional<Category> parse(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
    }
}
