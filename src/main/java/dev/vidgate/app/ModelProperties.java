package dev.vidgate.app;

import dev.vidgate.billing.Money;
import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.Capabilities;
import dev.vidgate.catalog.Format;
import dev.vidgate.catalog.Input;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.PriceUnit;
import dev.vidgate.catalog.Pricing;
import dev.vidgate.catalog.VideoSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code vidgate.models[i].*}: changes to the model catalog. An entry whose {@code id} is a shipped model overrides the
 * fields it sets ({@code enabled=false} removes the model); any other id adds a model, which needs {@code sizes} and
 * {@code durations}. Checked by {@link #applyTo}, whose messages name the offending key.
 */
@ConfigurationProperties("vidgate")
public record ModelProperties(List<Entry> models) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern SIZE = Pattern.compile("([0-9]+x[0-9]+)(?:=([1-9][0-9]*:[1-9][0-9]*)@([1-9][0-9]{1,4}p|[1-9]k))?");

    /** One entry; every field but {@code id} may be left out. Sizes are {@code WxH} or {@code WxH=ratio@tier}. */
    public record Entry(String id, List<String> aliases, String ownedBy, Long created, String quality, List<String> sizes,
                        List<Integer> durations, List<String> inputs, String audio, String priceUnit, Map<String, Long> prices,
                        Map<String, Long> audioSurcharges, Boolean enabled, Integer maxPromptLength) {}

    public ModelProperties {
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** {@code catalog} with every entry applied in order. */
    ModelCatalog applyTo(ModelCatalog catalog) {
        List<ModelSpec> result = new ArrayList<>(catalog.models());
        for (int i = 0; i < models.size(); i++) {
            Entry e = models.get(i);
            String key = "vidgate.models[" + i + "].";
            require(e.id() != null && ID.matcher(e.id()).matches(), key + "id (VIDGATE_MODELS_" + i
                    + "_ID) must name a model: letters, digits, '.', '_', ':' and '-'");
            Optional<ModelSpec> known = result.stream().filter(m -> m.name().equals(e.id())).findFirst();
            if (Boolean.FALSE.equals(e.enabled())) {
                require(known.isPresent(), key + "enabled: " + e.id() + " is not a model of this gateway (" + String.join(", ",
                        result.stream().map(ModelSpec::name).toList()) + ")");
                require(!e.id().equals("sora-2"), key + "enabled: sora-2 is the model of requests that name none; it stays");
                result.remove(known.get());
                continue;
            }
            ModelSpec built = build(key, i, e, known.orElse(null), catalog.models().isEmpty() ? "builtin"
                    : catalog.models().getFirst().engine());
            if (known.isPresent()) result.set(result.indexOf(known.get()), built); else result.add(built);
        }
        try {
            return new ModelCatalog(result);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("vidgate.models: " + ex.getMessage());
        }
    }

    private static ModelSpec build(String key, int i, Entry e, ModelSpec base, String engine) {
        require(base != null || (e.sizes() != null && e.durations() != null), key + "sizes and " + key
                + "durations are required for a new model (" + e.id() + ")");
        Capabilities old = base == null ? null : base.can();
        List<Format> formats = e.sizes() == null ? old.formats() : parsed(e.sizes(), key + "sizes", ModelProperties::format);
        List<Integer> durations = e.durations() == null ? old.durations() : e.durations();
        require(!durations.isEmpty() && durations.stream().allMatch(d -> d != null && d >= 1 && d <= 600),
                key + "durations must list whole seconds from 1 to 600, such as 4,8,12");
        var inputs = e.inputs() == null ? (old == null ? Set.of(Input.TEXT) : old.inputs())
                : new LinkedHashSet<>(parsed(e.inputs(), key + "inputs", s -> Input.parse(s).orElse(null)));
        Audio audio = e.audio() == null ? (old == null ? Audio.NONE : old.audio())
                : Audio.parse(e.audio().trim()).orElseThrow(() -> new IllegalArgumentException(key + "audio must be always, optional or none"));
        Integer maxPrompt = e.maxPromptLength() != null ? e.maxPromptLength() : old == null ? null : old.maxPromptLength();
        require(maxPrompt == null || (maxPrompt >= 1 && maxPrompt <= Capabilities.API_PROMPT_LIMIT), key
                + "max-prompt-length must be a number of characters from 1 to " + Capabilities.API_PROMPT_LIMIT);
        Capabilities can;
        try {
            can = new Capabilities(formats, durations, inputs, audio, maxPrompt);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(key + "sizes or durations: " + ex.getMessage());
        }
        return new ModelSpec(e.id(), e.aliases() != null ? e.aliases() : base == null ? List.of() : base.aliases(),
                or(e.ownedBy(), base == null ? "vidgate" : base.ownedBy()), e.created() != null ? e.created() : base == null ? 0 : base.created(),
                or(e.quality(), base == null ? "standard" : base.quality()), can, pricing(key, e, base, can),
                base == null ? engine : base.engine());
    }

    private static Pricing pricing(String key, Entry e, ModelSpec base, Capabilities can) {
        PriceUnit unit = e.priceUnit() == null ? (base == null ? PriceUnit.SECOND : base.pricing().unit())
                : PriceUnit.parse(e.priceUnit().trim()).orElseThrow(() -> new IllegalArgumentException(
                        key + "price-unit must be " + PriceUnit.wireNames()));
        Map<String, Long> prices = tiered(key + "prices.", base == null ? Map.of() : base.pricing().prices(), e.prices(), can);
        Map<String, Long> surcharges = can.audio() != Audio.OPTIONAL ? Map.of()
                : tiered(key + "audio-surcharges.", base == null ? Map.of() : base.pricing().audioSurcharges(), e.audioSurcharges(), can);
        require(e.audioSurcharges() == null || can.audio() == Audio.OPTIONAL, key + "audio-surcharges: only a model whose audio is "
                + "optional has one (" + e.id() + "'s audio is " + can.audio().wireName() + ")");
        return new Pricing(unit, prices, surcharges);
    }

    /** The base's micro-credits by tier (of the tiers the model still makes) with the entry's laid over them. */
    private static Map<String, Long> tiered(String key, Map<String, Long> base, Map<String, Long> given, Capabilities can) {
        Map<String, Long> result = new LinkedHashMap<>(base);
        result.keySet().retainAll(can.resolutions());
        if (given != null) {
            given.forEach((tier, price) -> {
                require(can.resolutions().contains(tier), key + tier + ": the model is made at "
                        + String.join(", ", can.resolutions()) + " only");
                require(price != null && price >= 0 && price <= Money.MAX_PRICE_PER_SECOND, key + tier
                        + " must be a whole number of micro-credits from 0 to " + Money.MAX_PRICE_PER_SECOND);
                result.put(tier, price);
            });
        }
        return result;
    }

    private static Format format(String entry) {
        var m = SIZE.matcher(entry);
        if (!m.matches()) return null;
        VideoSize size = VideoSize.parse(m.group(1)).orElse(null);
        if (size == null) return null;
        return m.group(2) == null ? Format.of(size) : new Format(size, m.group(2), m.group(3));
    }

    private static <T> List<T> parsed(List<String> entries, String key, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String entry : entries) {
            T value = entry == null ? null : parse.apply(entry.trim());
            require(value != null, key + ": cannot read '" + entry + "'" + (key.endsWith("sizes")
                    ? " (WxH, or WxH=ratio@tier such as 1280x720=16:9@720p)" : " (text, first_frame, last_frame, reference_images)"));
            out.add(value);
        }
        require(!out.isEmpty(), key + " must list at least one value");
        return out;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
