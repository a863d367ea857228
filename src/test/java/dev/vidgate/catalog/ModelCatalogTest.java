package dev.vidgate.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {
    private static final ModelCatalog CATALOG = ModelCatalog.defaults("builtin");

    private static ModelSpec model(String name) {
        return CATALOG.find(name).orElseThrow();
    }

    @Test
    void theSoraModelsShipAsSpecSectionThreeDescribesThem() {
        ModelSpec sora = model("sora-2-2025-12-08");
        assertThat(sora.name()).isEqualTo("sora-2");
        assertThat(sora.quality()).isEqualTo("standard");
        assertThat(sora.sizes()).containsExactly(new VideoSize(720, 1280), new VideoSize(1280, 720));
        assertThat(sora.can().durations()).containsExactly(4, 8, 12);
        assertThat(sora.pricing().prices()).isEqualTo(Map.of("720p", 100_000L));
        ModelSpec pro = model("sora-2-pro-2025-10-06");
        assertThat(pro.quality()).isEqualTo("high");
        assertThat(pro.sizes()).extracting(VideoSize::toString)
                .containsExactly("720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080");
        assertThat(pro.can().resolutions()).containsExactly("720p", "1024p", "1080p");
        assertThat(pro.resolutionOf(new VideoSize(1792, 1024))).isEqualTo("1024p");
        assertThat(pro.isSora()).isTrue();
    }

    @Test
    void theModelsOfIssue25ShipUnderTheirProvidersOwnIds() {
        assertThat(CATALOG.names()).startsWith("sora-2", "sora-2-pro", "veo-3.1-generate-001", "veo-3.1-fast-generate-001",
                "veo-3.0-generate-001", "seedance-1-0-pro-250528", "seedance-1-0-lite-t2v-250428", "kling-v2-6",
                "kling-v2-5-turbo", "kling-v2-1-master", "wan2.2-t2v-plus", "wan2.2-i2v-plus", "wan2.5-t2v-preview",
                "wan2.5-i2v-preview", "MiniMax-Hailuo-02", "MiniMax-Hailuo-2.3", "MiniMax-H3", "gen4_turbo", "gen4.5", "veo3.1_fast",
                "ray-2", "ray-flash-2", "pika-2.2");
        assertThat(CATALOG.models()).allSatisfy(m -> {
            assertThat(m.created()).isPositive();
            assertThat(m.pricing().prices().keySet()).containsExactlyInAnyOrderElementsOf(m.can().resolutions());
        });
    }

    @Test
    void eachSizeIsMappedToTheProvidersAspectRatioAndResolutionTier() {
        ModelSpec veo = model("veo-3.1-generate-001");
        assertThat(veo.can().format(new VideoSize(720, 1280))).contains(new Format(new VideoSize(720, 1280), "9:16", "720p"));
        assertThat(veo.can().format(new VideoSize(3840, 2160))).contains(new Format(new VideoSize(3840, 2160), "16:9", "4k"));
        assertThat(veo.can().durations()).containsExactly(4, 6, 8);
        ModelSpec seedance = model("seedance-1-0-pro-250528");
        assertThat(seedance.can().format(new VideoSize(854, 480))).contains(new Format(new VideoSize(854, 480), "16:9", "480p"));
        assertThat(seedance.can().format(new VideoSize(1680, 720))).contains(new Format(new VideoSize(1680, 720), "21:9", "720p"));
        assertThat(seedance.can().durations()).startsWith(2).endsWith(12).hasSize(11);
        assertThat(model("kling-v2-6").can().format(new VideoSize(1080, 1080))).contains(new Format(new VideoSize(1080, 1080), "1:1", "1080p"));
        assertThat(model("kling-v2-5-turbo").can().durations()).containsExactly(5, 10);
    }

    @Test
    void inputsAndAudioFollowWhatEachModelTakes() {
        assertThat(model("veo-3.1-generate-001").can().inputs())
                .containsExactlyInAnyOrder(Input.TEXT, Input.FIRST_FRAME, Input.LAST_FRAME, Input.REFERENCE_IMAGES);
        assertThat(model("seedance-1-0-lite-t2v-250428").can().inputs()).containsExactly(Input.TEXT);
        assertThat(model("kling-v2-1-master").can().takes(Input.LAST_FRAME)).isFalse();
        assertThat(model("veo-3.0-generate-001").can().audio()).isEqualTo(Audio.ALWAYS);
        assertThat(model("kling-v2-6").can().audio()).isEqualTo(Audio.OPTIONAL);
        assertThat(model("seedance-1-0-pro-250528").can().audio()).isEqualTo(Audio.NONE);
        assertThat(model("seedance-1-0-pro-250528").pricing().unit()).isEqualTo(PriceUnit.THOUSAND_TOKENS);
    }

    @Test
    void aJobIsHeldForItsSecondsOneClipOrTheTokensItsFramesCount() {
        var size = new VideoSize(1280, 720);
        assertThat(PriceUnit.SECOND.quantity(size, 5)).isEqualTo(5);
        assertThat(PriceUnit.CLIP.quantity(size, 5)).isEqualTo(1);
        // 1280 x 720 x 24 / 1024 = 21,600 tokens a second
        assertThat(Pricing.tokensPerSecond(size)).isEqualTo(21_600);
        assertThat(PriceUnit.THOUSAND_TOKENS.quantity(size, 5)).isEqualTo(108_000);
    }

    @Test
    void aQuantityCostsItsUnitPriceTimesItselfPerThousandForTokensRoundedUpAndNeverOverflows() {
        assertThat(PriceUnit.SECOND.cost(70_000, 5)).isEqualTo(350_000);
        assertThat(PriceUnit.CLIP.cost(350_001, 1)).isEqualTo(350_001);
        assertThat(PriceUnit.THOUSAND_TOKENS.cost(2_500, 108_000)).isEqualTo(270_000);
        assertThat(PriceUnit.THOUSAND_TOKENS.cost(2_500, 1)).isEqualTo(3);
        assertThat(PriceUnit.THOUSAND_TOKENS.cost(1_000_000_000_000L, 100_000_000L)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void onlyModelsWhoseSoundIsOptionalHaveAnAudioSurchargeAndKlingTwoPointSixsDoublesItsPrice() {
        ModelSpec kling = model("kling-v2-6");
        assertThat(kling.pricing().audioSurcharges()).isEqualTo(kling.pricing().prices()).containsEntry("720p", 42_000L);
        for (ModelSpec m : ModelCatalog.defaults("builtin").models()) {
            if (m.can().audio() != Audio.OPTIONAL) assertThat(m.pricing().audioSurcharges()).as(m.name()).isEmpty();
        }
    }

    @Test
    void grokImagineShipsUnderXaisIdAndOpenRoutersModelsUnderOpenRoutersIds() {
        ModelSpec grok = model("grok-imagine-video");
        assertThat(grok.can().resolutions()).containsExactly("480p", "720p");
        assertThat(grok.can().format(new VideoSize(1280, 720))).get().extracting(Format::aspectRatio).isEqualTo("16:9");
        assertThat(grok.can().durations()).startsWith(1).endsWith(15);
        assertThat(grok.can().inputs()).doesNotContain(Input.LAST_FRAME);
        assertThat(model("google/veo-3.1").can().audio()).isEqualTo(Audio.OPTIONAL);
        assertThat(model("alibaba/wan-2.6").can().durations()).containsExactly(5, 10);
    }

    @Test
    void aNameUsedByTwoModelsIsRefused() {
        ModelSpec sora = model("sora-2");
        var twin = new ModelSpec("sora-twin", List.of("sora-2-2025-10-06"), "vidgate", 0, "standard", sora.can(), sora.pricing(), "builtin");
        assertThatThrownBy(() -> new ModelCatalog(List.of(sora, twin))).hasMessageContaining("sora-2-2025-10-06 is used twice");
    }

    @Test
    void theTextInputIsAlwaysTakenAndDurationsAreSorted() {
        var can = new Capabilities(List.of(Format.of(new VideoSize(640, 480))), List.of(10, 5, 5), Set.of(), Audio.NONE);
        assertThat(can.inputs()).containsExactly(Input.TEXT);
        assertThat(can.durations()).containsExactly(5, 10);
        assertThat(can.formats().getFirst().aspectRatio()).isEqualTo("4:3");
    }
}
