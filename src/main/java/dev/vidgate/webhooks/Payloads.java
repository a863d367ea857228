package dev.vidgate.webhooks;

import java.nio.charset.StandardCharsets;

/**
 * The body OpenAI sends: {@code {"id":"evt_...","object":"event","created_at":...,"type":"video.completed",
 * "data":{"id":"video_..."}}}. The same event always gives the same bytes, so every attempt signs the same body.
 */
public final class Payloads {
    private Payloads() {}

    public static byte[] body(WebhookEvent event) {
        // every value is an id or a type of our own making: no escaping needed, but check it stays so
        require(event.id());
        require(event.videoId());
        return ("{\"id\":\"" + event.id() + "\",\"object\":\"event\",\"created_at\":" + event.createdAt().getEpochSecond()
                + ",\"type\":\"" + event.type().wire() + "\",\"data\":{\"id\":\"" + event.videoId() + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void require(String id) {
        if (!id.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("not an id: " + id);
    }
}
