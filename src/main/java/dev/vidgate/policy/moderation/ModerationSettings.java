package dev.vidgate.policy.moderation;

import java.net.URI;
import java.time.Duration;

/**
 * Where the external classifier answers OpenAI's {@code POST /v1/moderations}.
 *
 * @param baseUrl the API base, such as {@code http://guard:8000/v1} ({@code /moderations} is appended)
 * @param apiKey  sent as a Bearer token when not null
 * @param model   the {@code model} field of each request
 * @param timeout the whole call's limit, connection included
 */
public record ModerationSettings(URI baseUrl, String apiKey, String model, Duration timeout) {}
