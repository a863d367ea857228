package dev.vidgate.engine.builtin.prompt;

import dev.vidgate.engine.builtin.prompt.PromptDirection.Ambience;
import dev.vidgate.engine.builtin.prompt.PromptDirection.Look;
import dev.vidgate.engine.builtin.prompt.PromptDirection.MoveKind;
import dev.vidgate.engine.builtin.prompt.PromptDirection.SceneKind;
import dev.vidgate.engine.builtin.prompt.PromptDirection.TimeOfDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptReaderTest {

    private static List<MoveKind> kinds(PromptDirection d) {
        return d.moves().stream().map(CameraMove::kind).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The camera pushes in on the lighthouse | PUSH_IN",
            "slow zoom in                         | PUSH_IN",
            "pull out to reveal the valley         | PULL_OUT",
            "zoom-out                              | PULL_OUT",
            "pan left across the room              | PAN_LEFT",
            "the camera pans to the right          | PAN_RIGHT",
            "tilt up to the sky                    | TILT_UP",
            "Tilting down at the river             | TILT_DOWN",
            "orbit around the statue               | ORBIT",
            "a gentle drift                        | ORBIT",
            "dolly in                              | DOLLY_IN",
            "dolly back                            | DOLLY_OUT",
            "static shot of a cup                  | STATIC",
            "镜头缓慢推近                            | PUSH_IN",
            "镜头拉远                               | PULL_OUT",
            "镜头左移                               | PAN_LEFT",
            "镜头右移                               | PAN_RIGHT",
            "镜头上摇看天空                          | TILT_UP",
            "镜头下摇                               | TILT_DOWN",
            "镜头环绕人物                            | ORBIT",
            "固定镜头，静止                           | STATIC",
            "推轨镜头                               | DOLLY_IN"})
    void readsEachCameraMoveInEnglishAndChinese(String prompt, MoveKind expected) {
        PromptDirection d = PromptReader.read(prompt);
        assertEquals(expected, kinds(d).getFirst(), d.toString());
    }

    @Test
    void movesJoinedByThenFollowEachOtherInOrder() {
        PromptDirection d = PromptReader.read("Push-in then pan right, then tilt up");
        assertEquals(List.of(MoveKind.PUSH_IN, MoveKind.PAN_RIGHT, MoveKind.TILT_UP), kinds(d));
        assertEquals(List.of(0, 1, 2), d.moves().stream().map(CameraMove::step).toList());
    }

    @Test
    void chineseSequencesUseRanHou() {
        PromptDirection d = PromptReader.read("镜头推近，然后右移");
        assertEquals(List.of(MoveKind.PUSH_IN, MoveKind.PAN_RIGHT), kinds(d));
        assertEquals(List.of(0, 1), d.moves().stream().map(CameraMove::step).toList());
    }

    @Test
    void movesJoinedByAndOrWhileHappenTogether() {
        PromptDirection d = PromptReader.read("zoom in while panning left");
        assertEquals(List.of(MoveKind.PUSH_IN, MoveKind.PAN_LEFT), kinds(d));
        assertEquals(d.moves().get(0).step(), d.moves().get(1).step());
    }

    @Test
    void paceWordsChangeTheNearestMoveOnly() {
        PromptDirection d = PromptReader.read("slow push in, then a fast pan right");
        assertTrue(d.moves().get(0).strength() < 1, d.toString());
        assertTrue(d.moves().get(1).strength() > 1, d.toString());
        PromptDirection dramatic = PromptReader.read("dramatic zoom in");
        assertTrue(dramatic.moves().getFirst().strength() > PromptReader.read("zoom in").moves().getFirst().strength());
        assertTrue(PromptReader.read("镜头缓慢推近").moves().getFirst().strength() < 1);
        assertTrue(PromptReader.read("镜头快速推近").moves().getFirst().strength() > 1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a harbour at golden hour  | GOLDEN_HOUR",
            "sunset over the bay       | SUNSET",
            "the street at night       | NIGHT",
            "a foggy morning           | FOG",
            "heavy rain                | RAIN",
            "snow falling              | SNOW",
            "neon signs                | NEON",
            "black and white portrait  | BLACK_AND_WHITE",
            "cinematic shot            | CINEMATIC",
            "flickering candlelight    | FLICKER",
            "黄昏的海边                 | SUNSET",
            "夜晚的城市                 | NIGHT",
            "雾气弥漫                   | FOG",
            "下雨                      | RAIN",
            "下雪了                     | SNOW",
            "霓虹灯                     | NEON",
            "黑白电影                   | BLACK_AND_WHITE",
            "电影感                     | CINEMATIC",
            "烛光闪烁                   | FLICKER",
            "黄金时刻                   | GOLDEN_HOUR"})
    void readsEachLookInEnglishAndChinese(String prompt, Look expected) {
        PromptDirection d = PromptReader.read(prompt);
        assertTrue(d.has(expected), d.toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "waves on the ocean     | SEA",
            "clouds drifting        | SKY",
            "downtown traffic       | CITY",
            "a pine forest          | FOREST",
            "a crackling campfire   | FIRE",
            "stars and a nebula     | SPACE",
            "a cat on a sofa        | ABSTRACT",
            "大海                   | SEA",
            "天空中的白云            | SKY",
            "城市街道               | CITY",
            "森林                   | FOREST",
            "篝火                   | FIRE",
            "星空                   | SPACE"})
    void readsTheSceneFromTheFirstSceneWord(String prompt, SceneKind expected) {
        assertEquals(expected, PromptReader.read(prompt).scene());
    }

    @Test
    void readsSoundsAndSilence() {
        assertTrue(PromptReader.read("rain on the window").sounds().contains(Ambience.RAIN));
        assertTrue(PromptReader.read("birds singing in the garden").sounds().contains(Ambience.BIRDS));
        assertTrue(PromptReader.read("piano music").sounds().contains(Ambience.MUSIC));
        assertTrue(PromptReader.read("鸟鸣").sounds().contains(Ambience.BIRDS));
        PromptDirection silent = PromptReader.read("a silent forest, no sound");
        assertTrue(silent.silent());
        assertTrue(silent.sounds().isEmpty());
        assertTrue(PromptReader.read("无声的画面").silent());
    }

    @Test
    void noAndWithoutCancelTheWordThatFollows() {
        PromptDirection d = PromptReader.read("a street without rain, no music");
        assertFalse(d.has(Look.RAIN), d.toString());
        assertFalse(d.sounds().contains(Ambience.MUSIC), d.toString());
        assertTrue(PromptReader.read("没有雨的街道").looks().isEmpty());
    }

    @Test
    void readsColoursAndTimeOfDay() {
        PromptDirection d = PromptReader.read("a purple sky at dawn");
        assertEquals(PromptDirection.Tint.PURPLE.hue, d.hue(), 1e-9);
        assertEquals(TimeOfDay.DAWN, d.time());
        assertEquals(PromptDirection.Tint.BLUE.hue, PromptReader.read("蓝色的海").hue(), 1e-9);
    }

    @Test
    void wordsInsideOtherWordsDoNotCount() {
        PromptDirection d = PromptReader.read("a panorama of Japan, a skyscraper's pantry");
        assertFalse(kinds(d).contains(MoveKind.PAN_LEFT));
        assertTrue(d.moves().isEmpty(), d.toString());
    }

    @Test
    void anyPromptGivesADirection() {
        String huge = "a quiet lake at dawn, ".repeat(1500).substring(0, 32_000);
        String[] prompts = {"", "   ", "\u200B\u200B", "🌊🌊🔥🚀", "Ünïcödé ñ", "日本語のプロンプト", "قمر فوق البحر", huge,
                "then then then and and", "no no no no"};
        for (String prompt : prompts) {
            PromptDirection d = PromptReader.read(prompt);
            assertTrue(d.pace() > 0, prompt);
        }
        PromptDirection longOne = PromptReader.read(huge);
        assertEquals(SceneKind.SEA, longOne.scene());
        assertTrue(longOne.has(Look.GOLDEN_HOUR));
    }
}
