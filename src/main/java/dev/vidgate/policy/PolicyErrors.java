package dev.vidgate.policy;

import dev.vidgate.common.ApiException;

/** The policy's answers to clients: OpenAI's moderation error, one shape for every block. */
public final class PolicyErrors {
    public static final String CODE = "moderation_blocked";
    static final String FIRST_SENTENCE = "Your request was blocked by our moderation system.";

    private PolicyErrors() {}

    /** 400 {@code moderation_blocked} naming the category (never the matched term) and the field it was found in. */
    static ApiException blocked(Category category, String param) {
        return ApiException.invalid(FIRST_SENTENCE + " " + category.sentence(), param, CODE);
    }

    /** 503 when a fail-closed classifier cannot decide: the client may retry. */
    static ApiException unavailable() {
        return new ApiException(503, "server_error", "The moderation service is unavailable; please retry shortly.", null,
                "moderation_unavailable", 5L);
    }
}
