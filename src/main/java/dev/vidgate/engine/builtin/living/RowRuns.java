package dev.vidgate.engine.builtin.living;

import java.util.stream.IntStream;

/**
 * Each picture row cut once per job into runs: a run of pixels that move by themselves (drawn pixel by pixel),
 * or a run of still pixels whose layer varies by at most {@link #TOLERANCE} steps (of 255), drawn as one
 * resampled row span at the run's middle layer. The layer map is smooth, so runs are long (about 30 pixels
 * on a 720p picture with layer transitions across a third of it) and a frame costs one bilinear sample per
 * pixel plus a little per run. Using one layer for a run moves its pixels at most {@code TOLERANCE / 2}
 * steps off their own layer: under 1/128 of the parallax between two layers (a fraction of a pixel).
 */
final class RowRuns {
    /** The widest spread of layer values (0..255) inside one still run. */
    static final int TOLERANCE = 4;
    /** {@link #layer} of a run of moving pixels. */
    static final int MOVING = -1;

    /** Runs of row {@code y}: indices {@code first[y]} to {@code first[y + 1] - 1}. */
    private final int[] first;
    private final int[] start;
    private final int[] end;
    private final int[] layer;

    private RowRuns(int[] first, int[] start, int[] end, int[] layer) {
        this.first = first;
        this.start = start;
        this.end = end;
        this.layer = layer;
    }

    /**
     * @param nearness layer per pixel (0 far .. 255 near)
     * @param active   motion weight per pixel (0: still)
     */
    static RowRuns of(byte[] nearness, byte[] active, int width, int height) {
        int[] first = new int[height + 1];
        IntStream.Builder start = IntStream.builder();
        IntStream.Builder end = IntStream.builder();
        IntStream.Builder layer = IntStream.builder();
        int runs = 0;
        for (int y = 0; y < height; y++) {
            first[y] = runs;
            int row = y * width;
            int x = 0;
            while (x < width) {
                int from = x;
                if (active[row + x] != 0) {
                    while (x < width && active[row + x] != 0) x++;
                    layer.add(MOVING);
                } else {
                    int lo = nearness[row + x] & 255;
                    int hi = lo;
                    while (x < width && active[row + x] == 0) {
                        int v = nearness[row + x] & 255;
                        if (Math.max(hi, v) - Math.min(lo, v) > TOLERANCE) break;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                        x++;
                    }
                    layer.add((lo + hi + 1) / 2);
                }
                start.add(from);
                end.add(x);
                runs++;
            }
        }
        first[height] = runs;
        return new RowRuns(first, start.build().toArray(), end.build().toArray(), layer.build().toArray());
    }

    int first(int y) { return first[y]; }

    int last(int y) { return first[y + 1]; }

    int start(int run) { return start[run]; }

    int end(int run) { return end[run]; }

    /** The run's layer (0 far .. 255 near), or {@link #MOVING}. */
    int layer(int run) { return layer[run]; }
}
