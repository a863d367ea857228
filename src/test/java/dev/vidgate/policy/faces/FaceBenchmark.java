package dev.vidgate.policy.faces;

import dev.vidgate.policy.faces.opencv.FaceSettings;
import dev.vidgate.policy.faces.opencv.OpenCvFaceDetector;

import java.util.List;

/**
 * bench/policy.sh, images: the face detector on the labelled set, each picture as a 1280x720 reference. Prints face
 * recall, the false-positive rate and the time per check (mean and p95 over the set, after one warm-up pass), on the
 * whole set and on each half of it: the half the settings were chosen on and the held-out half.
 * Arguments (optional): minFaceSize workSide scaleFactor, to try other settings than the shipped ones.
 */
public final class FaceBenchmark {
    private FaceBenchmark() {}

    public static void main(String[] args) {
        FaceSettings settings = args.length == 3
                ? new FaceSettings(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Double.parseDouble(args[2]))
                : FaceSettings.DEFAULTS;
        List<LabelledFaces.Sample> samples = LabelledFaces.load();
        OpenCvFaceDetector detector = new OpenCvFaceDetector(settings);
        FaceScore.of(detector, samples); // warm-up: JIT and the thread's cascades
        FaceScore score = FaceScore.of(detector, samples);
        System.out.printf("faces   %s%n", settings);
        System.out.printf("faces   %d images at %dx%d: recall %.1f %%, false positives %.1f %%%n", samples.size(),
                LabelledFaces.WIDTH, LabelledFaces.HEIGHT, 100 * score.recall(), 100 * score.falsePositiveRate());
        System.out.printf("faces   tuning half:    %s%n", score.only(samples, true));
        System.out.printf("faces   held-out half:  %s%n", score.only(samples, false));
        System.out.printf("faces   time per check: %.1f ms mean, %.1f ms p95 (wall); %.1f ms mean, %.1f ms p95 (CPU of the checking thread)%n",
                score.meanMillis(), score.p95Millis(), score.meanCpuMillis(), score.p95CpuMillis());
        System.out.printf("faces   missed: %s%nfaces   false alarms: %s%n", score.missed(), score.falseAlarms());
    }
}
