package dev.vidgate.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * One model of the catalog.
 *
 * @param name    the id clients send: the provider's own id, e.g. {@code sora-2}, {@code veo-3.1-generate-001}
 * @param aliases other names for the same model (dated snapshots)
 * @param ownedBy who makes it ({@code openai}, {@code google}, {@code bytedance}, {@code kuaishou}): {@code owned_by}
 *                of {@code GET /v1/models}
 * @param created when the model was published, in Unix seconds ({@code created} of {@code GET /v1/models})
 * @param quality what the Video object's {@code quality} says
 * @param can     sizes, durations, inputs and audio
 * @param pricing the default prices
 * @param engine  the engine that generates it
 * @param durations whether a duration it cannot make is refused or snapped to the nearest it makes
 */
public record ModelSpec(String name, List<String> aliases, String ownedBy, long created, String quality, Capabilities can,
                        Pricing pricing, String engine, DurationPolicy durations) {
    /** A model that makes durations exactly as asked. */
    public ModelSpec(String name, List<String> aliases, String ownedBy, long created, String quality, Capabilities can,
                     Pricing pricing, String engine) {
        this(name, aliases, ownedBy, created, quality, can, pricing, engine, DurationPolicy.EXACT);
    }

    public ModelSpec {
        Objects.requireNonNull(durations, "durations");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ownedBy, "ownedBy");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(can, "can");
        Objects.requireNonNull(pricing, "pricing");
    }

    public boolean answersTo(String model) {
        return name.equals(model) || aliases.contains(model);
    }

    public List<VideoSize> sizes() {
        return can.sizes();
    }

    /** The price class of {@code size}: its tier here, or its shorter side for a size this model does not list. */
    public String resolutionOf(VideoSize size) {
        return can.format(size).orElseGet(() -> Format.of(size)).resolution();
    }

    /** Models owned by OpenAI answer bad input exactly as OpenAI's Sora API did (the seeds' codes). */
    public boolean isSora() {
        return "openai".equals(ownedBy);
    }

    public ModelSpec withEngine(String engine) {
        return new ModelSpec(name, aliases, ownedBy, created, quality, can, pricing, engine, durations);
    }

    /**
     * This model as served by other models: it makes what {@code can} says, with {@code durations}. Its own prices stay;
     * a resolution tier only the other models make costs its dearest price (until an operator sets one), while a tier of
     * its own that it had no price for stays unpriced.
     */
    ModelSpec servedAs(Capabilities can, DurationPolicy durations) {
        var prices = new LinkedHashMap<>(pricing.prices());
        long dearest = prices.values().stream().mapToLong(Long::longValue).max().orElse(0);
        can.resolutions().stream().filter(tier -> !this.can.resolutions().contains(tier))
                .forEach(tier -> prices.putIfAbsent(tier, dearest));
        return new ModelSpec(name, aliases, ownedBy, created, quality, can, new Pricing(pricing.unit(), prices, pricing.audioSurcharges()), engine, durations);
    }
}
