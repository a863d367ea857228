package dev.vidgate.video;

import java.util.Objects;

/**
 * A request parameter the gateway changed to what the model makes instead of refusing it (a channel's
 * {@code duration-policy=nearest}), or a property of the output its engine changed to fit the job (a ComfyUI output
 * padded or trimmed to the length, {@code output_seconds}, or scaled, {@code output_size}): the Video object lists
 * these, so a client can see what it got and is billed for.
 *
 * @param param     the request parameter, e.g. {@code seconds}, or the output's property
 * @param requested what the client sent, or what the model made
 * @param used      what the job makes
 */
public record Adjustment(String param, String requested, String used) {
    public Adjustment {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(used, "used");
    }
}
