package dev.vidgate.webhooks;

import dev.vidgate.video.VideoStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The events an endpoint may ask for: OpenAI's two, and our opt-in {@code video.cancelled}. */
public enum EventType {
    COMPLETED("video.completed"), FAILED("video.failed"), CANCELLED("video.cancelled");

    /** What an endpoint gets when it names no events: OpenAI's two. */
    public static final Set<EventType> DEFAULT = Set.copyOf(EnumSet.of(COMPLETED, FAILED));

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** The {@code type} of the payload, such as {@code video.completed}. */
    public String wire() {
        return wire;
    }

    public static Optional<EventType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    /** The event a job's final state makes, if any. */
    public static Optional<EventType> of(VideoStatus finished) {
        return switch (finished) {
            case COMPLETED -> Optional.of(COMPLETED);
            case FAILED -> Optional.of(FAILED);
            case CANCELLED -> Optional.of(CANCELLED);
            default -> Optional.empty();
        };
    }

    /** "video.completed,video.failed": how a set is stored. */
    public static String join(Set<EventType> types) {
        return types.stream().sorted().map(EventType::wire).collect(Collectors.joining(","));
    }

    public static Set<EventType> split(String joined) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String part : joined.split(",")) parse(part.trim()).ifPresent(types::add);
        return Set.copyOf(types);
    }
}
