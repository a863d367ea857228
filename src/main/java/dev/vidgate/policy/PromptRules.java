package dev.vidgate.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in prompt rules of the four prompt categories, from {@code policy/<category>.txt} on the class path, extended
 * (or replaced) by files of the same names in an operator's directory.
 */
public final class PromptRules {
    /**
     * The categories prompt rules exist for, in the order a prompt is checked (the first that matches is answered): music
     * before people and characters, so that "a song by" an artist or "the theme" of a franchise is named as music.
     */
    public static final List<Category> CATEGORIES = List.of(Category.MINORS, Category.COPYRIGHTED_MUSIC, Category.REAL_PEOPLE,
            Category.COPYRIGHTED_CHARACTERS);

    private final Map<Category, RuleSet> rules;

    private PromptRules(Map<Category, RuleSet> rules) {
        this.rules = rules;
    }

    /** The shipped rules. */
    public static PromptRules builtIn() {
        return load(null, false);
    }

    /**
     * The shipped rules with an operator's files added: {@code <dir>/<category>.txt} (any that exist), or instead of the
     * shipped ones when {@code replace}.
     */
    public static PromptRules load(Path dir, boolean replace) {
        var rules = new EnumMap<Category, RuleSet>(Category.class);
        for (Category c : CATEGORIES) {
            String file = c.wireName() + ".txt";
            RuleSet set = replace && dir != null ? RuleSet.parse(List.of(), file) : RuleSet.parse(shipped(file), "policy/" + file);
            Path extra = dir == null ? null : dir.resolve(file);
            if (extra != null && Files.isRegularFile(extra)) set = set.and(RuleSet.parse(read(extra), extra.toString()));
            rules.put(c, set);
        }
        return new PromptRules(rules);
    }

    /** The first category, of those {@code level} covers, whose rules the text breaks. */
    public Optional<Category> check(String text, Level level) {
        RuleSet.Words words = RuleSet.Words.of(Normalizer.normalize(text));
        for (Category c : CATEGORIES) {
            if (level.covers(c) && rules.get(c).blocks(words)) return Optional.of(c);
        }
        return Optional.empty();
    }

    private static List<String> shipped(String file) {
        try (InputStream in = PromptRules.class.getResourceAsStream("/policy/" + file)) {
            if (in == null) throw new IllegalStateException("the shipped rules policy/" + file + " are missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy rules " + file, e);
        }
    }
}
