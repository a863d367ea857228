package dev.vidgate.engine.builtin.prompt;

import dev.vidgate.engine.builtin.prompt.PromptDirection.Life;
import dev.vidgate.engine.builtin.prompt.PromptDirection.MoveKind;
import dev.vidgate.engine.builtin.prompt.PromptDirection.SceneKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The living-picture words of the prompt: which regions of a picture move. */
class LivingWordsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "static camera, gentle waves lapping, leaves swaying | WAVES SWAY",
            "海浪拍岸，树叶摇曳，云朵飘 | WAVES SWAY CLOUDS",
            "ripples on the lake, clouds drifting | RIPPLES CLOUDS",
            "涟漪 | RIPPLES",
            "flickering candlelight and rising steam | FLICKER RISING",
            "烛光闪烁，热气，烟 | FLICKER RISING",
            "a still picture of the sea | STILL",
            "no smoke, grass swaying | SWAY",
            "a still lake with waves lapping | RIPPLES WAVES",
            "the stillness of the forest, leaves swaying | SWAY",
            "static camera, waves | WAVES",
            "a still image of the harbour | STILL",
            "waves, no motion | WAVES STILL",
            "static shot of the sea, waves | WAVES STILL",
            "freeze frame on the waves | STILL WAVES"})
    void namedMotionsAreRead(String prompt, String expected) {
        Set<Life> want = Arrays.stream(expected.split(" ")).map(Life::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Life.class)));
        assertEquals(want, PromptReader.read(prompt).life());
    }

    @Test
    void aStaticShotKeepsTheCameraStillAndAStaticCameraOnlyTheCamera() {
        PromptDirection shot = PromptReader.read("static shot, waves");
        assertEquals(MoveKind.STATIC, shot.moves().getFirst().kind());
        assertTrue(shot.life().contains(Life.STILL), shot.life().toString());
        PromptDirection camera = PromptReader.read("static camera, waves");
        assertEquals(MoveKind.STATIC, camera.moves().getFirst().kind());
        assertEquals(EnumSet.of(Life.WAVES), camera.life());
    }

    @Test
    void leavesSwayingAndCloudsDriftingMoveThePictureNotTheCamera() {
        PromptDirection d = PromptReader.read("static camera, leaves swaying, clouds drifting");
        assertTrue(d.moves().stream().noneMatch(m -> m.kind() == MoveKind.ORBIT), d.moves().toString());
        assertEquals(SceneKind.SKY, PromptReader.read("clouds drifting over the hills").scene(), "the phrase keeps the scene its words name");
    }
}
