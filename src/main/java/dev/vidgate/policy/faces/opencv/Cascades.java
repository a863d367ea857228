package dev.vidgate.policy.faces.opencv;

import dev.vidgate.policy.faces.Faces;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.flip;

/** One thread's pair of cascades, read from the models inside the OpenCV presets jar (never from a file on disk). */
final class Cascades {
    /** The models' detection window: no smaller face can be found. */
    static final int WINDOW = 20;
    private static final String MODELS = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/";
    private static final String FRONTAL = "haarcascade_frontalface_alt2.xml";
    private static final String PROFILE = "haarcascade_profileface.xml";
    private static final double SCALE_STEP = 1.1;

    private final CascadeClassifier frontal;
    private final CascadeClassifier profile;

    private Cascades(CascadeClassifier frontal, CascadeClassifier profile) {
        this.frontal = frontal;
        this.profile = profile;
    }

    static Cascades load() {
        return new Cascades(read(FRONTAL), read(PROFILE));
    }

    static void check() {
        Cascades models = load();
        models.frontal.close();
        models.profile.close();
    }

    void frontal(Mat grey, int minNeighbors, int minSide, double scale, List<Faces.Box> into) {
        detect(frontal, grey, minNeighbors, minSide, scale, 0, into);
    }

    /** The profile model finds faces turned one way; the mirror image gives the other. */
    void profiles(Mat grey, int minNeighbors, int minSide, double scale, List<Faces.Box> into) {
        detect(profile, grey, minNeighbors, minSide, scale, 0, into);
        try (Mat mirrored = new Mat()) {
            flip(grey, mirrored, 1);
            detect(profile, mirrored, minNeighbors, minSide, scale, grey.cols(), into);
        }
    }

    private static void detect(CascadeClassifier model, Mat grey, int minNeighbors, int minSide, double scale, int mirroredWidth,
                               List<Faces.Box> into) {
        try (RectVector rects = new RectVector(); Size min = new Size(minSide, minSide); Size max = new Size()) {
            model.detectMultiScale(grey, rects, SCALE_STEP, minNeighbors, 0, min, max);
            OpenCvFaceDetector.collect(rects, scale, mirroredWidth, into);
        }
    }

    private static CascadeClassifier read(String name) {
        String xml;
        try (InputStream in = Cascades.class.getResourceAsStream(MODELS + name)) {
            if (in == null) throw new IllegalStateException("the OpenCV presets jar has no " + name + " for " + Loader.getPlatform());
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
        CascadeClassifier model = new CascadeClassifier();
        try (FileStorage storage = new FileStorage(xml, FileStorage.READ | FileStorage.MEMORY)) {
            if (!model.read(storage.getFirstTopLevelNode()) || model.empty()) {
                throw new IllegalStateException("OpenCV could not read the cascade " + name);
            }
        }
        return model;
    }
}
