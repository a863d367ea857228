package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.billing.Price;
import dev.vidgate.catalog.Format;
import dev.vidgate.catalog.Input;
import dev.vidgate.catalog.ModelSpec;

import java.util.List;

/** The wire forms of {@code GET /v1/models} (OpenAI's model object) and {@code GET /v1/videos/models} (ours). */
final class ModelJson {
    private ModelJson() {}

    /** OpenAI's model object; {@code id} is the name asked for (an alias answers as itself, as OpenAI's snapshots do). */
    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
        static Model of(String id, ModelSpec m) {
            return new Model(id, "model", m.created(), m.ownedBy());
        }
    }

    record Page<T>(String object, List<T> data) {
        static <T> Page<T> of(List<T> data) {
            return new Page<>("list", data);
        }
    }

    /**
     * A video model with what it can make (behind a relay channel that routes it to another model: what that model
     * makes) and what it costs now: the price book's prices (the operator's, else the configured default), in
     * micro-credits, by tier in the order of its sizes; {@code price_unit} is its first tier's. {@code max_prompt_length}
     * is null where only the API's limit applies.
     */
    record VideoModel(String id, String object, long created, @JsonProperty("owned_by") String ownedBy, List<String> aliases,
                      String quality, List<Size> sizes, List<String> seconds, List<String> inputs, String audio,
                      @JsonProperty("max_prompt_length") Integer maxPromptLength, @JsonProperty("duration_policy") String durationPolicy,
                      @JsonProperty("price_unit") String priceUnit, List<Cost> prices) {
        static VideoModel of(ModelSpec m, List<Price> prices) {
            List<Cost> costs = m.can().resolutions().stream().flatMap(r -> prices.stream()
                    .filter(p -> p.model().equals(m.name()) && p.resolution().equals(r))
                    .map(Cost::of)).toList();
            return new VideoModel(m.name(), "video.model", m.created(), m.ownedBy(), m.aliases(), m.quality(),
                    m.can().formats().stream().map(Size::of).toList(),
                    m.can().durations().stream().map(String::valueOf).toList(),
                    m.can().inputs().stream().sorted().map(Input::wireName).toList(), m.can().audio().wireName(),
                    m.can().maxPromptLength(), m.durations().wireName(),
                    costs.isEmpty() ? m.pricing().unit().wireName() : costs.getFirst().priceUnit(), costs);
        }
    }

    record Size(String size, @JsonProperty("aspect_ratio") String aspectRatio, String resolution) {
        static Size of(Format f) {
            return new Size(f.size().toString(), f.aspectRatio(), f.resolution());
        }
    }

    /**
     * @param price          micro-credits per {@code price_unit}
     * @param audioSurcharge micro-credits a unit costs more with sound ({@code generate_audio}), where sound is optional
     */
    record Cost(String resolution, @JsonProperty("price_unit") String priceUnit, long price,
                @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("audio_surcharge") Long audioSurcharge) {
        static Cost of(Price p) {
            return new Cost(p.resolution(), p.unit().wireName(), p.price(), p.audioSurcharge());
        }
    }
}
