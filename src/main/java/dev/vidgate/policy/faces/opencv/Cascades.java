package dev.vidgate.policy.faces.opencv;

import dev.vidgate.policy.faces.Faces;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


/**
 * One thread's cascades, read once per thread from the models inside the OpenCV presets jar (never from a file on disk), run in
 * {@link #MODELS} order. Each model has its own count of overlapping detections a face needs, chosen on the tuning half of
 * the labelled set (bench/policy.sh images): the most recall at the fewest false alarms, then the highest counts.
 */
final class Cascades {
    /** The smallest of the models' detection windows: no smaller face can be found. */
    static final int WINDOW = 20;
    private static final String ROOT = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/";

    /** A trained cascade and how many neighbours a face needs. */
    record Model(String path, int minNeighbors) {}

    static final List<Model> MODELS = List.of(
            // LBP, close and medium faces: the cheaper model, and many neighbours on any face that fills part of the picture
            new Model("lbpcascades/lbpcascade_frontalface_improved.xml", 19),
            // Haar, frontal faces down to the window size (groups, faces far from the camera); few neighbours at 400 px
            new Model("haarcascades/haarcascade_frontalface_alt2.xml", 4));
    // haarcascade_profileface (both ways) costs more than both models above together and, at 400 px, no neighbour count
    // of it found a face they missed on the tuning half without a false alarm: not run (docs/content-policy.md, "Faces").

    private final List<CascadeClassifier> classifiers;

    private Cascades(List<CascadeClassifier> classifiers) {
        this.classifiers = classifiers;
    }

    static Cascades load() {
        List<CascadeClassifier> classifiers = new ArrayList<>();
        for (Model model : MODELS) classifiers.add(read(model.path()));
        return new Cascades(classifiers);
    }

    /** Reads every model once, so a missing or unreadable one fails at start rather than at the first upload. */
    static void check() {
        load().classifiers.forEach(CascadeClassifier::close);
    }

    /**
     * The faces in {@code grey} (scaled by {@code scale} from the picture), in the picture's pixels.
     *
     * @param first stop at the first model that finds one
     */
    List<Faces.Box> detect(Mat grey, int minSide, double scale, double scaleFactor, boolean first) {
        List<Faces.Box> found = new ArrayList<>();
        for (int i = 0; i < MODELS.size() && !(first && !found.isEmpty()); i++) {
            run(classifiers.get(i), MODELS.get(i), grey, minSide, scale, scaleFactor, found);
        }
        return found;
    }

    private static void run(CascadeClassifier classifier, Model model, Mat grey, int minSide, double scale, double scaleFactor,
                            List<Faces.Box> into) {
        try (RectVector rects = new RectVector(); Size min = new Size(minSide, minSide); Size max = new Size()) {
            classifier.detectMultiScale(grey, rects, scaleFactor, model.minNeighbors(), 0, min, max);
            for (long i = 0; i < rects.size(); i++) {
                try (Rect r = rects.get(i)) {
                    into.add(new Faces.Box((int) Math.round(r.x() / scale), (int) Math.round(r.y() / scale),
                            (int) Math.round(r.width() / scale), (int) Math.round(r.height() / scale)));
                }
            }
        }
    }

    private static CascadeClassifier read(String path) {
        String xml;
        try (InputStream in = Cascades.class.getResourceAsStream(ROOT + path)) {
            if (in == null) throw new IllegalStateException("the OpenCV presets jar has no " + path + " for " + Loader.getPlatform());
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
        CascadeClassifier classifier = new CascadeClassifier();
        try (FileStorage storage = new FileStorage(xml, FileStorage.READ | FileStorage.MEMORY)) {
            if (!classifier.read(storage.getFirstTopLevelNode()) || classifier.empty()) {
                throw new IllegalStateException("OpenCV could not read the cascade " + path);
            }
        }
        return classifier;
    }
}
