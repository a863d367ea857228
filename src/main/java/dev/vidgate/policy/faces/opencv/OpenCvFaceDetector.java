package dev.vidgate.policy.faces.opencv;

import dev.vidgate.policy.faces.FaceDetector;
import dev.vidgate.policy.faces.Faces;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * OpenCV's boosted cascades (Viola-Jones), with the trained models that ship inside the OpenCV presets jar: the
 * frontal-face LBP cascade {@code lbpcascade_frontalface_improved}, the frontal-face Haar cascade
 * {@code haarcascade_frontalface_alt2} and the profile Haar cascade {@code haarcascade_profileface}, the last on
 * the picture and on its mirror image (see {@link Cascades}).
 *
 * <p>The picture is turned to grey, scaled so its longer side is at most {@link FaceSettings#workSide()} pixels (a
 * 1280x720 reference is searched at 640x360) and its histogram equalised. A face counts when a cascade's window fires
 * on it a model's number of times at neighbouring positions and scales, which is what keeps textures and patterns from
 * looking like faces.
 *
 * <p>Cascades are not thread-safe: each thread that detects loads its own set once (the image work pool is a few
 * long-lived threads). OpenCV's own threads are turned off, so one check uses one core, the one its caller measures.
 */
public final class OpenCvFaceDetector implements FaceDetector {
    private final FaceSettings settings;
    private final ThreadLocal<Cascades> cascades;

    public OpenCvFaceDetector(FaceSettings settings) {
        this.settings = settings;
        Loader.load(opencv_core.class);
        opencv_core.setNumThreads(1);
        Cascades.check(); // a missing or unreadable model fails at start, not at the first upload
        this.cascades = ThreadLocal.withInitial(Cascades::load);
    }

    @Override
    public Faces detect(BufferedImage picture) {
        return new Faces(search(picture, false));
    }

    /** Stops at the first model that finds a face. */
    @Override
    public boolean hasFace(BufferedImage picture) {
        return !search(picture, true).isEmpty();
    }

    private List<Faces.Box> search(BufferedImage picture, boolean first) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        double scale = Math.min(1.0, settings.workSide() / (double) Math.max(width, height));
        int minSide = Math.max(Cascades.WINDOW, (int) Math.round(settings.minFaceSize() * scale));
        try (Mat grey = grey(picture); Mat work = new Mat();
             Size to = new Size((int) Math.round(width * scale), (int) Math.round(height * scale))) {
            if (scale < 1.0) resize(grey, work, to, 0, 0, INTER_AREA);
            else grey.copyTo(work);
            equalizeHist(work, work);
            return cascades.get().detect(work, minSide, scale, first);
        }
    }

    /** The picture's luma (BT.601 weights, as OpenCV's own colour conversion) in an 8-bit one-channel matrix. */
    private static Mat grey(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] row = new int[width];
        byte[] luma = new byte[width * height];
        for (int y = 0; y < height; y++) {
            picture.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                luma[y * width + x] = (byte) ((r * 4899 + g * 9617 + b * 1868 + 8192) >> 14);
            }
        }
        Mat mat = new Mat(height, width, opencv_core.CV_8UC1);
        try (BytePointer data = new BytePointer(luma)) {
            mat.data().put(data.limit(luma.length));
        }
        return mat;
    }
}
