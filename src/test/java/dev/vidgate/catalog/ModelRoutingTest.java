package dev.vidgate.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.vidgate.catalog.DurationPolicy.EXACT;
import static dev.vidgate.catalog.DurationPolicy.NEAREST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ModelCatalog#routed}: what a model routed to other models may be asked for. */
class ModelRoutingTest {
    private static final ModelCatalog CATALOG = ModelCatalog.defaults("relay");

    private static ModelSpec routed(String model, ModelRoute... routes) {
        return CATALOG.routed(List.of(routes)).find(model).orElseThrow();
    }

    private static ModelRoute route(String model, String target) {
        return new ModelRoute(model, target, EXACT);
    }

    @Test
    void aSoraModelRoutedToVeoMakesWhatVeoMakesUnderItsOwnNameQualityAndPrices() {
        ModelSpec veo = CATALOG.find("veo-3.1-fast-generate-001").orElseThrow();
        ModelSpec sora = routed("sora-2", route("sora-2", "veo-3.1-fast-generate-001"));
        assertThat(sora.can().formats()).isEqualTo(veo.can().formats());
        assertThat(sora.can().durations()).containsExactly(4, 6, 8);
        assertThat(sora.can().inputs()).containsExactlyInAnyOrder(Input.TEXT, Input.FIRST_FRAME, Input.LAST_FRAME);
        assertThat(sora.can().audio()).isEqualTo(Audio.ALWAYS);
        assertThat(sora.name()).isEqualTo("sora-2");
        assertThat(sora.aliases()).contains("sora-2-2025-10-06");
        assertThat(sora.isSora()).isTrue();
        assertThat(sora.quality()).isEqualTo("standard");
        assertThat(sora.engine()).isEqualTo("relay");
        assertThat(sora.durations()).isEqualTo(EXACT);
        // its own 720p price; the tiers it never had cost its dearest price until an operator sets one
        assertThat(sora.pricing().prices()).containsExactly(Map.entry("720p", 100_000L), Map.entry("1080p", 100_000L),
                Map.entry("4k", 100_000L));
    }

    @Test
    void aModelRoutedToSeveralTargetsMakesOnlyWhatAllOfThemMake() {
        ModelSpec sora = routed("sora-2", route("sora-2", "veo-3.1-fast-generate-001"),
                route("sora-2-2025-10-06", "seedance-1-0-pro-250528"));
        assertThat(sora.sizes()).extracting(VideoSize::toString).containsExactly("1280x720", "720x1280", "1920x1080", "1080x1920");
        assertThat(sora.can().format(new VideoSize(720, 1280)).orElseThrow().aspectRatio()).isEqualTo("9:16");
        assertThat(sora.can().durations()).containsExactly(4, 6, 8);
        assertThat(sora.can().inputs()).containsExactlyInAnyOrder(Input.TEXT, Input.FIRST_FRAME);
        // Veo always has sound, Seedance never: a client can count on neither
        assertThat(sora.can().audio()).isEqualTo(Audio.NONE);
    }

    @Test
    void aTargetOutsideTheCatalogOrTheModelItselfStandsForTheModelsOwnCapabilities() {
        ModelSpec own = CATALOG.find("sora-2").orElseThrow();
        assertThat(routed("sora-2", route("sora-2", "their-sora-clone")).can()).isEqualTo(own.can());
        assertThat(routed("sora-2", route("sora-2", "sora-2")).can()).isEqualTo(own.can());
        ModelSpec mixed = routed("sora-2", route("sora-2", "sora-2"), route("sora-2", "veo-3.1-generate-001"));
        assertThat(mixed.sizes()).extracting(VideoSize::toString).containsExactly("720x1280", "1280x720");
        assertThat(mixed.can().durations()).containsExactly(4, 8);
    }

    @Test
    void aTierOfTheModelsOwnThatHadNoPriceStaysUnpricedWhenTheModelIsRoutedToItself() {
        ModelSpec sora = CATALOG.find("sora-2-pro").orElseThrow();
        var unpriced = new ModelSpec(sora.name(), sora.aliases(), sora.ownedBy(), sora.created(), sora.quality(), sora.can(),
                Pricing.perSecond(Map.of("720p", 300_000L)), sora.engine());
        ModelCatalog catalog = new ModelCatalog(List.of(unpriced)).routed(List.of(route("sora-2-pro", "sora-2-pro")));
        assertThat(catalog.find("sora-2-pro").orElseThrow().pricing().prices()).isEqualTo(Map.of("720p", 300_000L));
    }

    @Test
    void modelsWithoutRoutesStayAsTheyAre() {
        ModelCatalog routed = CATALOG.routed(List.of(route("sora-2", "kling-v2-6")));
        assertThat(routed.find("sora-2-pro")).isEqualTo(CATALOG.find("sora-2-pro"));
        assertThat(routed.find("kling-v2-6")).isEqualTo(CATALOG.find("kling-v2-6"));
        assertThat(routed.find("sora-2").orElseThrow().can().maxPromptLength()).isEqualTo(2500);
    }

    @Test
    void durationsSnapOnlyWhenEveryRouteOfTheModelSnaps() {
        assertThat(routed("sora-2", new ModelRoute("sora-2", "veo-3.1-fast-generate-001", NEAREST)).durations()).isEqualTo(NEAREST);
        assertThat(routed("sora-2", new ModelRoute("sora-2", "veo-3.1-fast-generate-001", NEAREST),
                new ModelRoute("sora-2", "veo-3.1-generate-001", EXACT)).durations()).isEqualTo(EXACT);
    }

    @Test
    void theNearestDurationWinsAndATieGoesToTheLonger() {
        List<Integer> veo = List.of(4, 6, 8);
        assertThat(NEAREST.choose(veo, 12)).contains(8);
        assertThat(NEAREST.choose(veo, 5)).contains(6);
        assertThat(NEAREST.choose(veo, 7)).contains(8);
        assertThat(NEAREST.choose(veo, 1)).contains(4);
        assertThat(NEAREST.choose(veo, 6)).contains(6);
        assertThat(NEAREST.choose(veo, 601)).isEmpty();
        assertThat(NEAREST.choose(veo, 0)).isEmpty();
        assertThat(EXACT.choose(veo, 12)).isEmpty();
        assertThat(EXACT.choose(veo, 8)).contains(8);
    }

    @Test
    void targetsWithNoSizeInCommonOrAnUnknownModelAreRefused() {
        assertThatThrownBy(() -> CATALOG.routed(List.of(route("sora-2", "kling-v2-1-master"), route("sora-2", "sora-2"))))
                .hasMessage("sora-2 is routed to models with no size or no duration in common (kling-v2-1-master, sora-2)");
        assertThatThrownBy(() -> CATALOG.routed(List.of(route("sora-3", "veo-3.1-generate-001")))).hasMessage("no model named sora-3");
    }

    @Test
    void twoPromptLimitsMakeTheShorterOne() {
        var size = List.of(Format.of(new VideoSize(640, 480)));
        var a = new Capabilities(size, List.of(5), java.util.Set.of(), Audio.OPTIONAL, 2500);
        var b = new Capabilities(size, List.of(5), java.util.Set.of(), Audio.ALWAYS, 1000);
        assertThat(a.and(b).maxPromptLength()).isEqualTo(1000);
        assertThat(a.and(b).audio()).isEqualTo(Audio.ALWAYS);
        assertThat(a.withMaxPromptLength(null).and(b.withMaxPromptLength(null)).maxPromptLength()).isNull();
    }
}
