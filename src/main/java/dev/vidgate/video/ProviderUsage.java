package dev.vidgate.video;

/**
 * What the provider reported it used for a completed job, as stored with the job: billing settles token-priced models
 * on {@code tokens}. Both are null where the engine reported nothing (the built-in renderer, a provider without usage).
 *
 * @param tokens  the tokens the provider counted, or null
 * @param seconds the length it reported, or null ({@link Video#deliveredSeconds()} is that length rounded up)
 */
public record ProviderUsage(Long tokens, Double seconds) {
    public static final ProviderUsage NONE = new ProviderUsage(null, null);

    public ProviderUsage {
        if (tokens != null && tokens < 0) throw new IllegalArgumentException("tokens must not be negative");
        if (seconds != null && !(seconds >= 0 && Double.isFinite(seconds))) throw new IllegalArgumentException("seconds must be a length");
    }
}
