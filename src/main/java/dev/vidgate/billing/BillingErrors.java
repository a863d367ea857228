package dev.vidgate.billing;

import dev.vidgate.common.ApiException;

/** The client errors of billing and quotas, in the OpenAI message style. */
public final class BillingErrors {
    /** How long a client is told to wait when a key's queue is full: about one short job. */
    static final long QUEUE_FULL_RETRY_AFTER_SECONDS = 10;

    private BillingErrors() {}

    static ApiException refused(HoldOutcome.Refused r, String what) {
        String needs = "this video needs " + Money.credits(r.needed()) + " credits (" + what + ")";
        return switch (r.reason()) {
            case BALANCE -> quota("You exceeded your current quota: " + needs + " and the balance available is "
                    + Money.credits(r.limit()) + " credits. Ask the operator of this Vidgate server to top up your account.");
            case DAILY_LIMIT -> quota("You reached your daily spending limit of " + Money.credits(r.limit()) + " credits (spent today, UTC: "
                    + Money.credits(r.spent()) + "); " + needs + ". The limit resets at midnight UTC.");
            case MONTHLY_LIMIT -> quota("You reached your monthly spending limit of " + Money.credits(r.limit())
                    + " credits (spent this month, UTC: " + Money.credits(r.spent()) + "); " + needs + ".");
            case TENANT_DISABLED -> ApiException.unauthorized("The account of this API key is disabled. Ask the operator of this Vidgate server.");
        };
    }

    static ApiException queueFull(String keyId, int queued, int cap) {
        return new ApiException(429, "requests", "Too many queued videos for key " + keyId + ": " + (queued - 1)
                + " are waiting and the limit is " + cap + ". Wait for some to start, or cancel some, then try again.",
                null, "rate_limit_exceeded", QUEUE_FULL_RETRY_AFTER_SECONDS);
    }

    static ApiException notPriced(String model, String resolution) {
        return ApiException.invalid("No price is set for model '" + model + "' at " + resolution
                + ", so it cannot be billed. Ask the operator to set one (vidgate prices set " + model + " " + resolution + " <micro-credits>).",
                "model", "model_not_priced");
    }

    private static ApiException quota(String message) {
        return new ApiException(429, "insufficient_quota", message, null, "insufficient_quota", null);
    }
}
