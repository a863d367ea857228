package dev.vidgate.engine;

/**
 * Where a provider's "your job is done" callback lands. Providers that offer callbacks are given a URL with a
 * per-job secret token ({@code /relay/callbacks/{token}}); a call is only a hint: the engine then asks the provider
 * at once instead of at its next poll, and believes what the provider's own status says, never the callback's body.
 * Polling stays the backstop, so a lost, late or forged callback changes nothing but timing.
 */
@FunctionalInterface
public interface UpstreamCallbacks {

    /** Hurries the job behind {@code token}; answers whether the token belongs to a job being followed here. */
    boolean hint(String token);

    UpstreamCallbacks NONE = token -> false;
}
