package dev.vidgate.engine.builtin.frame;

/**
 * Where the planes of a {@code width x height} frame's YUV 4:2:0 buffer lie: Y ({@code width} bytes a
 * row), then U, then V (each a chroma row of {@code (width + 1) / 2} bytes for every two rows, rounded
 * up), with no padding. The one place that layout is spelt out; {@link FrameBuffer} sizes its buffer
 * by it, {@link FinishPass} fills it, {@link dev.vidgate.engine.builtin.encode.H264Encoder H264Encoder} and
 * {@link dev.vidgate.engine.builtin.PlanesToRgb PlanesToRgb} read it.
 */
public record YuvPlanes(int width, int height) {
    public YuvPlanes {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("the size " + width + "x" + height + " is not positive");
    }

    public int chromaWidth() { return (width + 1) / 2; }

    public int chromaHeight() { return (height + 1) / 2; }

    /** Where the U plane starts. */
    public int u() { return width * height; }

    /** Where the V plane starts. */
    public int v() { return u() + chromaWidth() * chromaHeight(); }

    /** The bytes of all three planes. */
    public int size() { return v() + chromaWidth() * chromaHeight(); }
}
