package dev.vidgate.api;

import java.time.Duration;

/**
 * Settings of the HTTP API.
 *
 * @param pollAfter the {@code openai-poll-after-ms} hint given while a job is not finished
 * @param adminKey  the secret that guards {@code /admin/v1}; null disables the admin API
 */
public record ApiSettings(Duration pollAfter, String adminKey) {}
