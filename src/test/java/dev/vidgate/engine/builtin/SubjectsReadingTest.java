package dev.vidgate.engine.builtin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The job's prompt reading names the subjects drawn and the nouns not drawn. */
class SubjectsReadingTest {

    @Test
    void theReadingSaysWhatIsDrawnAndNoLongerListsItsWordsAsIgnored() {
        String reading = Shot.reading(Clips.prompt("A video of a cool cat on a motorcycle in the night").request());

        assertThat(reading).startsWith("draws: a cat riding a motorcycle (drive) in a procedural abstract scene;");
        assertThat(reading).contains("ignored: video, cool").doesNotContain("motorcycle,").doesNotContain("not drawn");
    }

    @Test
    void theDocumentedExampleReadsAsDocumented() {
        String reading = Shot.reading(Clips.prompt("A red fox walks past a lighthouse by the sea at night, slow pan left").request());

        assertThat(reading).isEqualTo("draws: a fox (walk) in a procedural sea scene; camera: slow pan left; looks: night; "
                + "colour: red; sound: waves; ignored: past");
    }

    @Test
    void anUnknownNounFallsBackToTheSceneAndIsNamedAsNotDrawn() {
        String reading = Shot.reading(Clips.prompt("a zorblax on the beach").request());

        assertThat(reading).startsWith("draws: a procedural sea scene (no people, animals or objects);");
        assertThat(reading).contains("not drawn: zorblax").doesNotContain("ignored: zorblax");
    }

    @Test
    void chineseSubjectWordsLeaveTheIgnoredRun() {
        String reading = Shot.reading(Clips.prompt("一只金毛犬在海滩上奔跑").request());

        assertThat(reading).startsWith("draws: a dog (run) in a procedural sea scene;");
        assertThat(reading).doesNotContain("金毛犬").doesNotContain("奔跑");
    }

    @Test
    void aPictureIsNotGivenSubjects() {
        String reading = Shot.reading(Clips.prompt("a cat walks").from(dev.vidgate.testsupport.media.TestImages.image(64, 36)).request());

        assertThat(reading).startsWith("draws: the reference image, moved by the camera;");
    }
}
