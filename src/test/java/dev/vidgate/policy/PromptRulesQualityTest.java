package dev.vidgate.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality gate of the shipped prompt rules on the labelled set: recall of at least 90 % on each blocked category and
 * at most 3 % false positives on allowed prompts (issue 21). Not a timing test: bench/policy.sh times the checks.
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
}
