package dev.vidgate.tenancy;

/** Who a request acts for: an API key and the tenant that owns it. */
public record Principal(String keyId, String tenantId, int maxConcurrent) {}
