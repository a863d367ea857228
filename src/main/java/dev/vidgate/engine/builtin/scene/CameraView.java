package dev.vidgate.engine.builtin.scene;

/**
 * Where the camera looks in one frame, relative to the first frame. Output and source positions are
 * centre-based fractions of the frame ({@code -0.5..0.5} across it); an output point {@code (x, y)} shows
 * the source point
 * <pre>
 *   sx = offsetX + shear * y + x / (zoom * (1 + perspective * y))
 *   sy = offsetY + y / zoom
 * </pre>
 * The first frame of every clip is {@link #IDENTITY}.
 *
 * @param zoom        magnification (1 = as shot; above 1 closer, below 1 wider)
 * @param offsetX     where the view centre moved, as a fraction of the frame width (positive: camera looks right)
 * @param offsetY     the same vertically (positive: camera looks down)
 * @param shear       extra horizontal shift per unit of height, so near (lower) rows move more: parallax
 * @param perspective extra zoom per unit of height, so lower rows grow faster: a dolly's depth
 */
public record CameraView(double zoom, double offsetX, double offsetY, double shear, double perspective) {
    static final CameraView IDENTITY = new CameraView(1, 0, 0, 0, 0);

    /**
     * The same camera seen by a layer at {@code depth} (1 = moves with the camera, 0 = infinitely far
     * away and still), for parallax between the planes of a scene.
     */
    public CameraView atDepth(double depth) {
        if (depth == 1) return this;
        return new CameraView(Math.pow(zoom, depth), offsetX * depth, offsetY * depth, shear * depth, perspective * depth);
    }

    /** The horizontal magnification of the row at {@code y} (centre-based fraction of the height). */
    public double rowZoom(double y) {
        return zoom * (1 + perspective * y);
    }

    /** The output y (centre-based) where source y {@code sy} appears. */
    public double screenY(double sy) {
        return (sy - offsetY) * zoom;
    }

    /** The output x (centre-based) where source point {@code (sx, sy)} appears. */
    public double screenX(double sx, double sy) {
        double y = screenY(sy);
        return (sx - offsetX - shear * y) * rowZoom(y);
    }

    /** How far from the source centre the view reaches horizontally, as a fraction of the width (0.5 = edge). */
    double reachX() {
        double top = Math.abs(offsetX - shear * 0.5) + 0.5 / rowZoom(-0.5);
        double bottom = Math.abs(offsetX + shear * 0.5) + 0.5 / rowZoom(0.5);
        return Math.max(top, bottom);
    }

    /** How far from the source centre the view reaches vertically, as a fraction of the height. */
    double reachY() {
        return Math.abs(offsetY) + 0.5 / zoom;
    }
}
