package dev.vidgate.policy.faces;

import java.util.List;
import java.util.Objects;

/** What a {@link FaceDetector} found: a box per face, in the picture's pixels. */
public record Faces(List<Box> boxes) {
    public static final Faces NONE = new Faces(List.of());

    public Faces {
        boxes = List.copyOf(Objects.requireNonNull(boxes, "boxes"));
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    public int count() {
        return boxes.size();
    }

    /** A face's bounding box: its top-left corner and size in pixels. */
    public record Box(int x, int y, int width, int height) {}
}
