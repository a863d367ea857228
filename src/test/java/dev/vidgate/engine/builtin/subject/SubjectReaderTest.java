package dev.vidgate.engine.builtin.subject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectReaderTest {
    private final SubjectReader reader = new SubjectReader(SubjectCatalog.standard());

    @Test
    void aCatOnAMotorcycleRidesIt() {
        Cast cast = reader.read("A video of a cool cat on a motorcycle in the night");

        assertThat(cast.actors()).hasSize(1);
        Cast.Actor bike = cast.actors().getFirst();
        assertThat(bike.subject().name()).isEqualTo("motorcycle");
        assertThat(bike.rider().subject().name()).isEqualTo("cat");
        assertThat(bike.action()).isEqualTo(Action.DRIVE);
        assertThat(cast.notDrawn()).isEmpty();
        assertThat(cast.describe()).isEqualTo("a cat riding a motorcycle (drive)");
    }

    @Test
    void theVerbMovesTheSubjectBeforeIt() {
        assertThat(reader.read("the golden retriever runs on the beach").describe()).isEqualTo("a dog (run)");
        assertThat(reader.read("an eagle soars over a horse that eats").describe()).isEqualTo("a eagle (fly), a horse (eat)");
        assertThat(reader.read("a frog jumps").actors().getFirst().action()).isEqualTo(Action.JUMP);
        assertThat(reader.read("a teddy bear on a sofa").actors()).extracting(a -> a.action()).containsOnly(Action.IDLE);
    }

    @Test
    void pluralsDrawSeveral() {
        assertThat(reader.read("cats and puppies").actors()).extracting(Cast.Actor::count).containsExactly(3, 3);
        assertThat(reader.read("three foxes").actors().getFirst().count()).isEqualTo(3);
        assertThat(reader.read("a fox").actors().getFirst().count()).isEqualTo(1);
    }

    @Test
    void chineseNounsAndVerbsAreRead() {
        Cast dog = reader.read("一只金毛犬在海滩上奔跑");
        assertThat(dog.describe()).isEqualTo("a dog (run)");
        assertThat(dog.words()).contains("金毛犬", "奔跑");

        Cast rider = reader.read("一只猫骑着摩托车在夜晚");
        assertThat(rider.describe()).isEqualTo("a cat riding a motorcycle (drive)");
    }

    @Test
    void anUnknownNounIsNamedAsNotDrawn() {
        Cast cast = reader.read("a glowing zorblax dances on the beach at night");

        assertThat(cast.isEmpty()).isTrue();
        assertThat(cast.notDrawn()).containsExactly("zorblax");
        assertThat(reader.read("一只佐布拉克斯在沙滩上").notDrawn()).containsExactly("佐布拉克斯");
        assertThat(reader.read("a video of the sea at night").notDrawn()).isEmpty();
    }
}
