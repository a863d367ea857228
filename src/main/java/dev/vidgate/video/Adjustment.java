package dev.vidgate.video;

import java.util.Objects;

/**
 * A request parameter the gateway changed to what the model makes instead of refusing it (a channel's
 * {@code duration-policy=nearest}): the Video object lists these, so a client can see what it got and is billed for.
 *
 * @param param     the request parameter, e.g. {@code seconds}
 * @param requested what the client sent
 * @param used      what the job makes
 */
public record Adjustment(String param, String requested, String used) {
    public Adjustment {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(used, "used");
    }
}
