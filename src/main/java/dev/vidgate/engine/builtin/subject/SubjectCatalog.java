package dev.vidgate.engine.builtin.subject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The subjects the renderer can draw: one vendored Fluent Emoji Flat SVG each (resources {@code subjects/svg/}, MIT,
 * see {@code subjects/LICENSE}), named by the English and Chinese words of {@code subjects/manifest.tsv}. English
 * words also match in their regular plural ("cats", "foxes", "puppies"); irregular ones are listed.
 */
public final class SubjectCatalog {
    private static final String MANIFEST = "/subjects/manifest.tsv";
    /** Listed words that name several. */
    private static final Set<String> IRREGULAR_PLURALS = Set.of("mice", "wolves", "oxen", "people", "men", "women", "children",
            "kids", "cacti", "octopi", "cattle", "grapes", "books", "fries", "noodles", "cherries", "strawberries");
    private static final SubjectCatalog INSTANCE = load();

    private final List<Subject> subjects;
    /** English phrase (space-separated words) to its subject and whether it is a plural form. */
    private final Map<String, Word> english;
    private final Map<String, Subject> chinese;
    private final int longestEnglish;
    private final int longestChinese;

    /** A word of the manifest: the subject it names and whether it names several. */
    record Word(Subject subject, boolean plural) {}

    private SubjectCatalog(List<Subject> subjects) {
        this.subjects = List.copyOf(subjects);
        Map<String, Word> en = new HashMap<>();
        Map<String, Subject> zh = new HashMap<>();
        // listed words first, so a derived plural never hides one ("glasses" stays whatever lists it)
        for (Subject s : subjects) {
            Set<String> plurals = s.english().stream().map(SubjectCatalog::plural).collect(Collectors.toSet());
            for (String w : s.english()) en.putIfAbsent(w, new Word(s, plurals.contains(w) || IRREGULAR_PLURALS.contains(w)));
            for (String w : s.chinese()) zh.putIfAbsent(w, s);
        }
        for (Subject s : subjects) for (String w : s.english()) en.putIfAbsent(plural(w), new Word(s, true));
        this.english = Map.copyOf(en);
        this.chinese = Map.copyOf(zh);
        this.longestEnglish = en.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
        this.longestChinese = zh.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    /** The catalog of the vendored set, read once. */
    public static SubjectCatalog standard() {
        return INSTANCE;
    }

    public List<Subject> all() { return subjects; }

    Word english(String phrase) { return english.get(phrase); }

    Subject chinese(String term) { return chinese.get(term); }

    int longestEnglish() { return longestEnglish; }

    int longestChinese() { return longestChinese; }

    /** The regular English plural: cat -> cats, fox -> foxes, puppy -> puppies (the last word of a phrase). */
    static String plural(String word) {
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) return word + "es";
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }

    private static SubjectCatalog load() {
        try (InputStream in = SubjectCatalog.class.getResourceAsStream(MANIFEST)) {
            if (in == null) throw new IllegalStateException("the subject manifest " + MANIFEST + " is missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Subject> subjects = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 5) throw new IllegalStateException("subject manifest line has " + f.length + " fields, not 5: " + line);
                subjects.add(new Subject(f[0], Subject.Kind.valueOf(f[1].toUpperCase(Locale.ROOT)), Double.parseDouble(f[2]),
                        List.of(f[3].split(",")), List.of(f[4].split(","))));
            }
            return new SubjectCatalog(subjects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
