package dev.vidgate.policy.faces.opencv;

import dev.vidgate.policy.faces.FaceDetector;
import dev.vidgate.policy.faces.Faces;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * OpenCV's boosted cascades (Viola-Jones), with the trained models that ship inside the OpenCV presets jar: the
 * frontal-face LBP cascade {@code lbpcascade_frontalface_improved}, then the frontal-face Haar cascade
 * {@code haarcascade_frontalface_alt2} (see {@link Cascades}).
 *
 * <p>The picture is turned to grey, scaled so its longer side is at most {@link FaceSettings#workSide()} pixels (a
 * 1280x720 reference is searched at 400x225) and its histogram equalised once; the search window grows by
 * {@link FaceSettings#scaleFactor()} a step. A face counts when a cascade's window fires
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
            return cascades.get().detect(work, minSide, scale, settings.scaleFactor(), first);
        }
    }

    /** The picture's luma (BT.601 weights, as OpenCV's own colour conversion) in an 8-bit one-channel matrix. */
    private static Mat grey(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        byte[] luma = new byte[width * height];
        if (picture.getType() == BufferedImage.TYPE_INT_RGB
                && picture.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1 && buffer.getData().length == luma.length) {
            lumaOf(buffer.getData(), 0, luma, 0, luma.length); // a decoded picture: its pixels as they are, no copy
        } else {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                picture.getRGB(0, y, width, 1, row, 0, width);
                lumaOf(row, 0, luma, y * width, width);
            }
        }
        Mat mat = new Mat(height, width, opencv_core.CV_8UC1);
        try (BytePointer data = new BytePointer(luma)) {
            mat.data().put(data.limit(luma.length));
        }
        return mat;
    }

    private static void lumaOf(int[] rgb, int from, byte[] into, int at, int count) {
        for (int i = 0; i < count; i++) {
            int pixel = rgb[from + i];
            int r = (pixel >> 16) & 0xff;
            int g = (pixel >> 8) & 0xff;
            int b = pixel & 0xff;
            into[at + i] = (byte) ((r * 4899 + g * 9617 + b * 1868 + 8192) >> 14);
        }
    }
}
