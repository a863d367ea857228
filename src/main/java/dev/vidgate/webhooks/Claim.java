package dev.vidgate.webhooks;

/** A pending delivery leased to one worker, with its endpoint as it was when claimed. */
public record Claim(Delivery delivery, Endpoint endpoint) {}
