package dev.vidgate.engine.builtin.subject;

import dev.vidgate.engine.builtin.Clips;
import dev.vidgate.testsupport.media.Mp4Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Subjects in decoded frames: found by template matching their sprite, and moving the way their verb says. */
class SubjectFramesTest {
    private static final int W = 640;
    private static final int H = 360;
    private static final int[] SAMPLES = {0, 12, 24, 36, 47};
    /** Correlation above which a sprite counts as found; a frame without it scores well below (see the fallback test). */
    private static final double FOUND = 0.75;

    @TempDir
    Path dir;

    @Test
    void aCatThatWalksOnTheBeachIsInEveryFrameAndAdvances() {
        List<SpriteFinder.Match> cat = track("a cat walks on the beach at noon, static camera", "cat", 1.0);

        assertThat(cat).allSatisfy(m -> assertThat(m.score()).isGreaterThan(FOUND));
        for (int i = 1; i < cat.size(); i++) assertThat(cat.get(i).x()).isLessThan(cat.get(i - 1).x());
        assertThat(cat.getFirst().x() - cat.getLast().x()).isGreaterThan(30);
    }

    @Test
    void aRabbitThatJumpsGoesUpAndDownOnTheSpot() {
        Mp4Probe clip = Clips.prompt("a rabbit jumps on the beach at noon, static camera").size(W, H).seconds(2).render(dir);
        SpriteFinder finder = finder("rabbit", 1.0);
        List<SpriteFinder.Match> hops = new ArrayList<>();
        for (int f = 0; f < 48; f += 3) hops.add(finder.find(clip.frame(f)));

        assertThat(hops).allSatisfy(m -> assertThat(m.score()).isGreaterThan(FOUND));
        IntSummary ys = IntSummary.of(hops.stream().mapToInt(SpriteFinder.Match::y).toArray());
        IntSummary xs = IntSummary.of(hops.stream().mapToInt(SpriteFinder.Match::x).toArray());
        assertThat(ys.range()).as("height of the hops").isGreaterThan(25);
        assertThat(xs.range()).as("sideways drift").isLessThan(6);
    }

    @Test
    void aCatOnAMotorcycleRidesWithIt() {
        Mp4Probe clip = Clips.prompt("A video of a cool cat on a motorcycle in the night, static camera").size(W, H).seconds(2).render(dir);
        Subject cat = subject("cat");
        Subject motorcycle = subject("motorcycle");
        int bikeHeight = (int) Math.round(motorcycle.size() * H);
        SpriteFinder bike = new SpriteFinder(Sprite.of(motorcycle, bikeHeight, false));
        SpriteFinder rider = new SpriteFinder(Sprite.of(cat, (int) Math.min(bikeHeight * 0.85, Math.round(cat.size() * H)), false));
        List<SpriteFinder.Match> bikes = new ArrayList<>();
        List<SpriteFinder.Match> riders = new ArrayList<>();
        for (int f : SAMPLES) {
            BufferedImage frame = clip.frame(f);
            bikes.add(bike.find(frame));
            riders.add(rider.find(frame));
        }

        assertThat(bikes).allSatisfy(m -> assertThat(m.score()).isGreaterThan(0.6));
        assertThat(riders).allSatisfy(m -> assertThat(m.score()).isGreaterThan(FOUND));
        for (int i = 0; i < SAMPLES.length; i++) {
            assertThat(riders.get(i).y()).as("the cat sits above the motorcycle's bottom").isLessThan(bikes.get(i).y() + bikeHeight / 2);
            int apart = riders.get(i).x() - bikes.get(i).x();
            assertThat(Math.abs(apart - (riders.getFirst().x() - bikes.getFirst().x()))).as("moving together").isLessThanOrEqualTo(3);
        }
        assertThat(bikes.getFirst().x() - bikes.getLast().x()).as("the pair drives").isGreaterThan(40);
    }

    @Test
    void aGoldenRetrieverRunsOnTheBeachInChinese() {
        List<SpriteFinder.Match> dog = track("一只金毛犬在海滩上奔跑，白天，固定镜头", "dog", 1.0);

        assertThat(dog).allSatisfy(m -> assertThat(m.score()).isGreaterThan(FOUND));
        assertThat(dog.getFirst().x() - dog.getLast().x()).as("a run covers ground").isGreaterThan(60);
    }

    @Test
    void aPromptWithoutSubjectsShowsNoneOfThem() {
        Mp4Probe clip = Clips.prompt("a zorblax on the beach at noon, static camera").size(W, H).seconds(1).render(dir);

        for (String name : List.of("cat", "dog", "motorcycle", "rabbit")) {
            assertThat(finder(name, 1.0).find(clip.frame(12)).score()).as(name).isLessThan(FOUND - 0.2);
        }
    }

    private List<SpriteFinder.Match> track(String prompt, String name, double nearness) {
        Mp4Probe clip = Clips.prompt(prompt).size(W, H).seconds(2).render(dir);
        SpriteFinder finder = finder(name, nearness);
        List<SpriteFinder.Match> out = new ArrayList<>();
        for (int f : SAMPLES) out.add(finder.find(clip.frame(f)));
        return out;
    }

    /** The sprite as the layer draws the first subject of a prompt. */
    private static SpriteFinder finder(String name, double nearness) {
        Subject s = subject(name);
        return new SpriteFinder(Sprite.of(s, (int) Math.round(s.size() * nearness * H), Facing.mirror(s)));
    }

    private static Subject subject(String name) {
        return SubjectCatalog.standard().all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private record IntSummary(int min, int max) {
        static IntSummary of(int[] values) {
            return new IntSummary(java.util.Arrays.stream(values).min().orElseThrow(), java.util.Arrays.stream(values).max().orElseThrow());
        }

        int range() { return max - min; }
    }
}
