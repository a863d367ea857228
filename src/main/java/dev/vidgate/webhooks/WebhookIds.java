package dev.vidgate.webhooks;

import java.security.SecureRandom;
import java.util.HexFormat;

/** {@code evt_}, {@code wh_} (the webhook-id) and {@code whep_} (an endpoint) and 32 hex digits, as OpenAI's look. */
final class WebhookIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookIds() {}

    static String event() {
        return "evt_" + hex();
    }

    static String delivery() {
        return "wh_" + hex();
    }

    static String endpoint() {
        return "whep_" + hex();
    }

    private static String hex() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
