package dev.vidgate.engine.builtin.prompt;

import dev.vidgate.engine.builtin.prompt.PromptDirection.Ambience;
import dev.vidgate.engine.builtin.prompt.PromptDirection.MoveKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A prompt's reading in one line: what is drawn, the camera, looks, sound, and the words the renderer ignored. */
class PromptReadingTest {

    private static String describe(String prompt) {
        PromptReading reading = PromptReader.reading(prompt);
        return reading.describe(null, reading.direction().moves(), reading.direction().sounds());
    }

    @Test
    void movesInStepsLooksAndSoundAreNamedAndUnknownWordsListedOnceWithoutTheLittleOnes() {
        assertThat(describe("A slow push in while tilting up, then a fast pan right over the foggy forest at sunset. A deer and a deer."))
                .isEqualTo("draws: a procedural forest scene (no people, animals or objects); camera: slow push in with tilt up, "
                        + "then fast pan right; looks: sunset, fog; time: sunset; sound: birds; ignored: over, deer");
    }

    @Test
    void aPictureClipAndAPromptWithoutMovesSaySo() {
        PromptReading reading = PromptReader.reading("make it alive, no sound");
        String line = reading.describe("the reference image", List.of(new CameraMove(MoveKind.PUSH_IN, 0.6, 0)), Set.of());
        assertThat(line).isEqualTo("draws: the reference image, moved by the camera; camera: slow push in (the prompt names no move); "
                + "sound: none (asked for silence); ignored: make, alive");
    }

    @Test
    void unknownChineseIsIgnoredRunByRunAndAVeryLongListIsCut() {
        PromptReading chinese = PromptReader.reading("一只猫在海边");
        assertThat(chinese.ignored()).containsExactly("一只猫在");
        String many = IntStream.range(0, 40).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        assertThat(describe(many)).endsWith("word29 and 10 more").contains("ignored: word0, word1,");
        assertThat(PromptReader.reading("waves").describe(null, List.of(), Set.of(Ambience.WAVES))).contains("sound: waves");
    }
}
