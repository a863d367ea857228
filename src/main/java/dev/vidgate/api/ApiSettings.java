package dev.vidgate.api;

import java.time.Duration;

/**
 * Settings of the HTTP API.
 *
 * @param pollAfter the {@code openai-poll-after-ms} hint given while a job is not finished
 * @param adminKey  the secret that guards {@code /admin/v1}; null disables the admin API
 * @param contentRedirectTtl how long the presigned URL lasts that {@code /content} redirects to, when the store
 *                  offers one; null streams content through the API
 */
public record ApiSettings(Duration pollAfter, String adminKey, Duration contentRedirectTtl) {}
