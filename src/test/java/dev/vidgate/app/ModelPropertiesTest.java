package dev.vidgate.app;

import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.Input;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.PriceUnit;
import dev.vidgate.catalog.VideoSize;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelPropertiesTest {
    private static final ModelCatalog DEFAULTS = ModelCatalog.defaults("relay");

    private static ModelProperties.Entry entry(String id) {
        return new ModelProperties.Entry(id, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static ModelCatalog apply(ModelProperties.Entry... entries) {
        return new ModelProperties(List.of(entries)).applyTo(DEFAULTS);
    }

    @Test
    void noEntriesLeaveTheShippedCatalog() {
        assertThat(new ModelProperties(null).applyTo(DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void anEntryForAShippedModelChangesOnlyTheFieldsItSets() {
        var e = new ModelProperties.Entry("veo-3.1-fast-generate-001", null, null, null, null, List.of("1280x720=16:9@720p"),
                List.of(8), null, null, null, Map.of("720p", 150_000L), null, null, null);
        ModelSpec veo = apply(e).find("veo-3.1-fast-generate-001").orElseThrow();
        assertThat(veo.sizes()).containsExactly(new VideoSize(1280, 720));
        assertThat(veo.can().durations()).containsExactly(8);
        assertThat(veo.pricing().prices()).isEqualTo(Map.of("720p", 150_000L));
        assertThat(veo.ownedBy()).isEqualTo("google");
        assertThat(veo.can().takes(Input.LAST_FRAME)).isTrue();
        assertThat(veo.engine()).isEqualTo("relay");
    }

    @Test
    void anEntryWithANewIdAddsAModelAndEnabledFalseRemovesOne() {
        var added = new ModelProperties.Entry("wan2.1-t2v-plus", List.of("wan"), "alibaba", 1758000000L, "high",
                List.of("1920x1080", "832x480=16:9@480p"), List.of(5, 10), List.of("text", "first_frame"), "optional", "per_clip",
                Map.of("1080p", 500_000L), null, null, null);
        var removed = new ModelProperties.Entry("kling-v2-1-master", null, null, null, null, null, null, null, null, null, null, null, false,
                null);
        ModelCatalog catalog = apply(added, removed);
        assertThat(catalog.names()).doesNotContain("kling-v2-1-master").endsWith("wan2.1-t2v-plus");
        ModelSpec wan = catalog.find("wan").orElseThrow();
        assertThat(wan.resolutionOf(new VideoSize(832, 480))).isEqualTo("480p");
        assertThat(wan.can().format(new VideoSize(1920, 1080)).orElseThrow().aspectRatio()).isEqualTo("16:9");
        assertThat(wan.can().audio()).isEqualTo(Audio.OPTIONAL);
        assertThat(wan.pricing().unit()).isEqualTo(PriceUnit.CLIP);
        assertThat(wan.engine()).isEqualTo("relay");
    }

    @Test
    void anAudioSurchargeIsSetPerTierOnAModelWhoseSoundIsOptionalAndRefusedOnOthers() {
        var kling = new ModelProperties.Entry("kling-v2-6", null, null, null, null, null, null, null, null, null, null,
                Map.of("1080p", 35_000L), null, null);
        assertThat(apply(kling).find("kling-v2-6").orElseThrow().pricing().audioSurcharges())
                .isEqualTo(Map.of("720p", 42_000L, "1080p", 35_000L));
        var mute = new ModelProperties.Entry("kling-v2-6", null, null, null, null, null, null, null, "none", null, null, null, null, null);
        assertThat(apply(mute).find("kling-v2-6").orElseThrow().pricing().audioSurcharges()).isEmpty();
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("sora-2", null, null, null, null, null, null, null, null, null, null,
                Map.of("720p", 1L), null, null))).hasMessage("vidgate.models[0].audio-surcharges: only a model whose audio is optional has one "
                + "(sora-2's audio is always)");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("kling-v2-6", null, null, null, null, null, null, null, null, null,
                null, Map.of("720p", -1L), null, null))).hasMessage("vidgate.models[0].audio-surcharges.720p must be a whole number of "
                + "micro-credits from 0 to 1000000000000");
    }

    @Test
    void maxPromptLengthSetsOrChangesAModelsPromptLimitAndIsCheckedNamingTheKey() {
        var kling = new ModelProperties.Entry("kling-v2-6", null, null, null, null, null, null, null, null, null, null, null, null, 1000);
        assertThat(apply(kling).find("kling-v2-6").orElseThrow().can().maxPromptLength()).isEqualTo(1000);
        assertThat(apply(entry("kling-v2-5-turbo")).find("kling-v2-5-turbo").orElseThrow().can().maxPromptLength()).isEqualTo(2500);
        assertThat(apply(entry("sora-2")).find("sora-2").orElseThrow().can().maxPromptLength()).isNull();
        var tooLong = new ModelProperties.Entry("sora-2", null, null, null, null, null, null, null, null, null, null, null, null, 40_000);
        assertThatThrownBy(() -> apply(tooLong)).hasMessage(
                "vidgate.models[0].max-prompt-length must be a number of characters from 1 to 32000");
    }

    @Test
    void mistakesStopTheStartNamingTheKey() {
        assertThatThrownBy(() -> apply(entry("fresh"))).hasMessage(
                "vidgate.models[0].sizes and vidgate.models[0].durations are required for a new model (fresh)");
        assertThatThrownBy(() -> apply(entry("sora-2"), entry("bad id!"))).hasMessageStartingWith("vidgate.models[1].id (VIDGATE_MODELS_1_ID)");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("sora-2", null, null, null, null, List.of("wide"), null, null, null,
                null, null, null, null, null))).hasMessageStartingWith("vidgate.models[0].sizes: cannot read 'wide'");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("sora-2", null, null, null, null, null, List.of(0), null, null,
                null, null, null, null, null))).hasMessageStartingWith("vidgate.models[0].durations must list whole seconds");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("sora-2", null, null, null, null, null, null, List.of("audio_track"),
                null, null, null, null, null, null))).hasMessageStartingWith("vidgate.models[0].inputs: cannot read 'audio_track'");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("sora-2", null, null, null, null, null, null, null, "loud",
                null, null, null, null, null))).hasMessage("vidgate.models[0].audio must be always, optional or none");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("sora-2", null, null, null, null, null, null, null, null,
                "per_minute", null, null, null, null))).hasMessage("vidgate.models[0].price-unit must be per_second, per_clip or per_1k_tokens");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("sora-2", null, null, null, null, null, null, null, null,
                null, Map.of("1080p", 1L), null, null, null))).hasMessage("vidgate.models[0].prices.1080p: the model is made at 720p only");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("sora-2", null, null, null, null, null, null, null, null,
                null, null, null, false, null))).hasMessageStartingWith("vidgate.models[0].enabled: sora-2 is the model of requests that name none");
        assertThatThrownBy(() -> apply(new ModelProperties.Entry("twin", List.of("sora-2"), null, null, null, List.of("640x480"),
                List.of(5), null, null, null, null, null, null, null))).hasMessage("vidgate.models: the model name sora-2 is used twice");
    }
}
