package dev.vidgate.api;

/**
 * How request bodies are held to the parameters their route takes ({@link BodyParameters}).
 *
 * @param ignoreUnknown true to skip parameters a route does not know instead of answering 400 {@code unknown_parameter}
 *                      as OpenAI does (for clients written against looser gateways)
 */
public record ParameterSettings(boolean ignoreUnknown) {
    /** OpenAI's behaviour: an unknown parameter is an error. */
    public static final ParameterSettings STRICT = new ParameterSettings(false);
}
