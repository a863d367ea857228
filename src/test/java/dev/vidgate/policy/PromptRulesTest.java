package dev.vidgate.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the prompt rules match: whole English words, Chinese anywhere, near misses excused, levels, an operator's files. */
class PromptRulesTest {
    private final PromptRules rules = PromptRules.builtIn();

    @Test
    void englishTermsMatchWholeWordsInAnyCaseSpacingOrPluralButNotInsideOtherWords() {
        assertThat(rules.check("MICKEY   mouse on a boat", Level.STRICT)).contains(Category.COPYRIGHTED_CHARACTERS);
        assertThat(rules.check("two Spider Man suits", Level.STRICT)).contains(Category.COPYRIGHTED_CHARACTERS);
        assertThat(rules.check("a pile of corpses", Level.STRICT)).contains(Category.MINORS);
        assertThat(rules.check("Ｔａｙｌｏｒ Ｓｗｉｆｔ waving", Level.STRICT)).contains(Category.REAL_PEOPLE);
        assertThat(rules.check("a trumpet solo in a barbershop", Level.STRICT)).isEmpty();
        assertThat(rules.check("a messier desk than usual", Level.STRICT)).isEmpty();
    }

    @Test
    void chineseTermsMatchAnywhereEvenNextToOtherWords() {
        assertThat(rules.check("一只皮卡丘在跑", Level.STRICT)).contains(Category.COPYRIGHTED_CHARACTERS);
        assertThat(rules.check("Trump和马斯克在吃饭", Level.STRICT)).contains(Category.REAL_PEOPLE);
    }

    @Test
    void nearMissesTheIssueNamesAreAllowed() {
        assertThat(rules.check("a cartoon mouse in red shorts", Level.STRICT)).isEmpty();
        assertThat(rules.check("a president of a chess club", Level.STRICT)).isEmpty();
        assertThat(rules.check("children playing football", Level.STRICT)).isEmpty();
        assertThat(rules.check("a museum painting of the massacre of the innocents", Level.STRICT)).isEmpty();
        assertThat(rules.check("the president of France", Level.STRICT)).contains(Category.REAL_PEOPLE);
    }

    @Test
    void anExcusedMatchDoesNotHideAnotherBlockedOne() {
        assertThat(rules.check("nude lipstick, and then a naked woman", Level.STRICT)).contains(Category.MINORS);
    }

    @Test
    void standardChecksOnlyMinorsAndRealPeopleAndOffNothing() {
        assertThat(rules.check("Pikachu dancing", Level.STANDARD)).isEmpty();
        assertThat(rules.check("a song by Coldplay", Level.STANDARD)).isEmpty();
        assertThat(rules.check("Elon Musk dancing", Level.STANDARD)).contains(Category.REAL_PEOPLE);
        assertThat(rules.check("a naked man", Level.OFF)).isEmpty();
    }

    @Test
    void anOperatorsFilesExtendOrReplaceTheShippedRules(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("copyrighted_characters.txt"), "# ours\nfluffy the space llama\n!a pikachu-yellow raincoat\n");
        PromptRules extended = PromptRules.load(dir, false);
        assertThat(extended.check("Fluffy the Space Llama waves", Level.STRICT)).contains(Category.COPYRIGHTED_CHARACTERS);
        assertThat(extended.check("Pikachu waves", Level.STRICT)).contains(Category.COPYRIGHTED_CHARACTERS);
        assertThat(extended.check("a child in a pikachu-yellow raincoat", Level.STRICT)).isEmpty();

        PromptRules replaced = PromptRules.load(dir, true);
        assertThat(replaced.check("Pikachu waves", Level.STRICT)).isEmpty();
        assertThat(replaced.check("a naked man", Level.STRICT)).isEmpty();
        assertThat(replaced.check("Fluffy the Space Llama waves", Level.STRICT)).contains(Category.COPYRIGHTED_CHARACTERS);
    }

    @Test
    void aRuleThatIsNotAPatternIsRefusedNamingItsFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("minors.txt"), "gore\n~(unclosed\n");
        assertThatThrownBy(() -> PromptRules.load(dir, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minors.txt line 2");
    }
}
