package dev.vidgate.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labelled prompt sets and how the prompt rules score on them: precision and recall per category, the false-positive
 * rate on allowed prompts, the time per check. {@link #IN_SAMPLE} ({@code prompts.tsv}) was written with the rules;
 * {@link #HELD_OUT} ({@code prompts-heldout.tsv}) afterwards, and committed before the rules were broadened. Shared by the quality gate
 * ({@link PromptRulesQualityTest}) and the benchmark ({@link PolicyBenchmark}).
 */
public final class LabelledPrompts {
    /** One prompt and its label: a category, or empty when it is allowed. */
    public record Labelled(Optional<Category> label, String prompt) {}

    /** The counts of one category. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    /** A prompt the rules decided wrongly, for the report. */
    public record Miss(Labelled prompt, Optional<Category> decided) {}

    /** The scores of one run over the set. */
    public record Report(Map<Category, Score> scores, int allowed, int allowedBlocked, List<Miss> misses, double microsPerCheck) {
        public double falsePositiveRate() {
            return allowed == 0 ? 0 : (double) allowedBlocked / allowed;
        }
    }

    /** The set written together with the rules. */
    public static final String IN_SAMPLE = "prompts.tsv";
    /** The set written after the first rules, with other names and phrasings. */
    public static final String HELD_OUT = "prompts-heldout.tsv";

    private LabelledPrompts() {}

    public static List<Labelled> load() {
        return load(IN_SAMPLE);
    }

    /** One set under {@code src/test/resources/policy}, by file name. */
    public static List<Labelled> load(String file) {
        try (InputStream in = LabelledPrompts.class.getResourceAsStream("/policy/" + file)) {
            if (in == null) throw new IllegalStateException("policy/" + file + " is missing from the test class path");
            var all = new ArrayList<Labelled>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t", 2);
                if (parts.length != 2) throw new IllegalStateException("not label<TAB>prompt: " + line);
                Optional<Category> label = parts[0].equals("allowed") ? Optional.empty()
                        : Optional.of(Category.parse(parts[0]).orElseThrow(() -> new IllegalStateException("unknown label " + parts[0])));
                all.add(new Labelled(label, parts[1]));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the rules at {@code strict} over the set {@code rounds} times (the first decides the scores; all are timed). */
    public static Report score(PromptRules rules, List<Labelled> set, int rounds) {
        var decided = new ArrayList<Optional<Category>>();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (Labelled p : set) {
                Optional<Category> d = rules.check(p.prompt(), Level.STRICT);
                if (round == 0) decided.add(d);
            }
        }
        double micros = (System.nanoTime() - started) / 1_000.0 / rounds / set.size();
        var scores = new EnumMap<Category, Score>(Category.class);
        var misses = new ArrayList<Miss>();
        int allowed = 0;
        int allowedBlocked = 0;
        for (Category c : PromptRules.CATEGORIES) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < set.size(); i++) {
                boolean labelled = set.get(i).label().equals(Optional.of(c));
                boolean found = decided.get(i).equals(Optional.of(c));
                if (labelled && found) tp++;
                if (!labelled && found) fp++;
                if (labelled && !found) fn++;
            }
            scores.put(c, new Score(tp, fp, fn));
        }
        for (int i = 0; i < set.size(); i++) {
            Labelled p = set.get(i);
            if (p.label().isEmpty()) {
                allowed++;
                if (decided.get(i).isPresent()) allowedBlocked++;
            }
            if (!p.label().equals(decided.get(i))) misses.add(new Miss(p, decided.get(i)));
        }
        return new Report(scores, allowed, allowedBlocked, misses, micros);
    }
}
