package dev.vidgate.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality gate of the shipped prompt rules: on the in-sample set, recall of at least 90 % on each blocked category and
 * at most 3 % false positives on allowed prompts (issue 21); on the held-out set, the figures the broadened rules reached
 * (at least 95 % recall per category, at most 2 % false positives) as a floor against regressions. Not a timing test:
 * bench/policy.sh times the checks.
 */
class PromptRulesQualityTest {

    @Test
    void theShippedRulesFindAtLeastNinetyPercentOfEachCategoryAndBlockAtMostThreePercentOfAllowedPrompts() {
        var set = LabelledPrompts.load();
        assertThat(set).hasSizeGreaterThanOrEqualTo(300);
        assertThat(set.stream().filter(p -> p.label().isEmpty()).count() * 2).isGreaterThanOrEqualTo(set.size() - 20);

        LabelledPrompts.Report report = LabelledPrompts.score(PromptRules.builtIn(), set, 1);

        report.scores().forEach((category, score) -> assertThat(score.recall())
                .as("recall of %s (misses: %s)", category.wireName(), report.misses()).isGreaterThanOrEqualTo(0.90));
        assertThat(report.falsePositiveRate()).as("false positives (misses: %s)", report.misses()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void onTheHeldOutSetTheShippedRulesKeepAtLeastNinetyFivePercentRecallPerCategoryAndAtMostTwoPercentFalsePositives() {
        var set = LabelledPrompts.load(LabelledPrompts.HELD_OUT);
        assertThat(set).hasSizeGreaterThanOrEqualTo(200);
        assertThat(set.stream().filter(p -> p.label().isEmpty()).count() * 2).isGreaterThanOrEqualTo(set.size() - 10);

        LabelledPrompts.Report report = LabelledPrompts.score(PromptRules.builtIn(), set, 1);

        assertThat(report.scores()).hasSize(4);
        report.scores().forEach((category, score) -> assertThat(score.recall())
                .as("held-out recall of %s (misses: %s)", category.wireName(), report.misses()).isGreaterThanOrEqualTo(0.95));
        assertThat(report.falsePositiveRate()).as("held-out false positives (misses: %s)", report.misses()).isLessThanOrEqualTo(0.02);
    }
}
