package dev.vidgate.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/policy.sh prompts}: the prompt rules' measured quality on each labelled set (in-sample, then held-out):
 * precision and recall per category, false positives on allowed prompts, time per check. The image half is {@code faces.FaceBenchmark}.
 */
public final class PolicyBenchmark {
    private PolicyBenchmark() {}

    /** @param args optionally a rules directory to score instead of the shipped rules (as {@code rules-mode=replace}) */
    public static void main(String[] args) {
        prompts(args.length > 0 ? PromptRules.load(Path.of(args[0]), true) : PromptRules.builtIn());
    }

    static void prompts(PromptRules rules) {
        prompts(rules, LabelledPrompts.IN_SAMPLE, "in-sample: written with the rules");
        prompts(rules, LabelledPrompts.HELD_OUT, "held-out: written after the first rules, before they were broadened");
    }

    private static void prompts(PromptRules rules, String file, String kind) {
        List<LabelledPrompts.Labelled> set = LabelledPrompts.load(file);
        LabelledPrompts.score(rules, set, 20); // warm-up
        LabelledPrompts.Report report = LabelledPrompts.score(rules, set, 200);
        System.out.printf(Locale.ROOT, "%nprompts %s (%s): %d labelled (%d allowed), rules at strict%n", file, kind, set.size(),
                report.allowed());
        System.out.printf(Locale.ROOT, "%-24s %9s %9s %5s %5s %5s%n", "category", "precision", "recall", "tp", "fp", "fn");
        report.scores().forEach((category, s) -> System.out.printf(Locale.ROOT, "%-24s %8.1f%% %8.1f%% %5d %5d %5d%n",
                category.wireName(), 100 * s.precision(), 100 * s.recall(), s.truePositives(), s.falsePositives(), s.falseNegatives()));
        System.out.printf(Locale.ROOT, "false positives on allowed prompts: %d of %d (%.1f%%)%n", report.allowedBlocked(),
                report.allowed(), 100 * report.falsePositiveRate());
        System.out.printf(Locale.ROOT, "time per check: %.1f µs (mean over %d checks)%n", report.microsPerCheck(), 200 * set.size());
        for (LabelledPrompts.Miss miss : report.misses()) {
            System.out.printf(Locale.ROOT, "  miss: labelled %s, decided %s: %s%n",
                    miss.prompt().label().map(Category::wireName).orElse("allowed"),
                    miss.decided().map(Category::wireName).orElse("allowed"), miss.prompt().prompt());
        }
    }
}
