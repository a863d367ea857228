package dev.vidgate.webhooks;

/** An endpoint just made or rotated, with its secret: the only time the secret is shown. */
public record CreatedEndpoint(Endpoint endpoint, String secret) {}
