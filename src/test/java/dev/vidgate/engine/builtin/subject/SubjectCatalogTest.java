package dev.vidgate.engine.builtin.subject;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectCatalogTest {
    private final List<Subject> all = SubjectCatalog.standard().all();

    @Test
    void atLeastOneHundredAndFiftySubjectsOfEveryKindAreListed() {
        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
        assertThat(all).extracting(Subject::kind).containsAll(EnumSet.allOf(Subject.Kind.class));
        assertThat(all).allSatisfy(s -> assertThat(s.chinese()).isNotEmpty());
    }

    @Test
    void everySubjectRendersToAVisibleSpriteOfTheSizeAsked() {
        for (Subject s : all) {
            Sprite sprite = Sprite.of(s, 40, false);
            long opaque = java.util.Arrays.stream(sprite.pixels()).filter(p -> (p >>> 24) > 128).count();
            assertThat(sprite.height()).as(s.file()).isBetween(36, 44);
            assertThat(opaque).as(s.file()).isGreaterThan((long) sprite.width() * sprite.height() / 8);
        }
    }

    @Test
    void regularPluralsAreDerived() {
        assertThat(SubjectCatalog.plural("cat")).isEqualTo("cats");
        assertThat(SubjectCatalog.plural("fox")).isEqualTo("foxes");
        assertThat(SubjectCatalog.plural("bus")).isEqualTo("buses");
        assertThat(SubjectCatalog.plural("puppy")).isEqualTo("puppies");
        assertThat(SubjectCatalog.plural("monkey")).isEqualTo("monkeys");
        assertThat(SubjectCatalog.standard().english("foxes").plural()).isTrue();
    }
}
