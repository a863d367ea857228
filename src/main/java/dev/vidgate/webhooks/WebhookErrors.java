package dev.vidgate.webhooks;

import dev.vidgate.common.ApiException;

/** The webhook feature's refusals, in the OpenAI error envelope's terms. */
final class WebhookErrors {
    private WebhookErrors() {}

    static ApiException url(String message) {
        return ApiException.invalid(message, "url", "invalid_url");
    }

    static ApiException events(String message) {
        return ApiException.invalid(message, "events", "invalid_value");
    }

    static ApiException endpointNotFound(String id) {
        return ApiException.notFound("No webhook endpoint with id '" + ApiException.echo(id, 64) + "'.", "id");
    }

    static ApiException deliveryNotFound(String id) {
        return ApiException.notFound("No webhook delivery with id '" + ApiException.echo(id, 64) + "'.", "id");
    }
}
