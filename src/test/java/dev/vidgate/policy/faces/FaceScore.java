package dev.vidgate.policy.faces;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/** A detector's marks on the labelled set: recall, false positives, what it missed or saw wrongly, and the time per check. */
public final class FaceScore {
    private final List<String> missed = new ArrayList<>();
    private final List<String> falseAlarms = new ArrayList<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuNanos = new ArrayList<>();
    private int faces;
    private int noFaces;

    /** Runs {@code detector} once on every sample. */
    public static FaceScore of(FaceDetector detector, List<LabelledFaces.Sample> samples) {
        FaceScore score = new FaceScore();
        for (LabelledFaces.Sample sample : samples) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            boolean found = detector.hasFace(sample.picture());
            score.nanos.add(System.nanoTime() - start);
            score.cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
            if (sample.face()) {
                score.faces++;
                if (!found) score.missed.add(sample.file());
            } else {
                score.noFaces++;
                if (found) score.falseAlarms.add(sample.file());
            }
        }
        return score;
    }

    public double recall() {
        return faces == 0 ? 0 : (faces - missed.size()) / (double) faces;
    }

    public double falsePositiveRate() {
        return noFaces == 0 ? 0 : falseAlarms.size() / (double) noFaces;
    }

    public List<String> missed() {
        return List.copyOf(missed);
    }

    public List<String> falseAlarms() {
        return List.copyOf(falseAlarms);
    }

    /** Recall and false positives on one half of {@code samples} (those this score was taken on): the tuning or the held-out half. */
    public String only(List<LabelledFaces.Sample> samples, boolean tuning) {
        List<LabelledFaces.Sample> half = samples.stream().filter(s -> s.tuning() == tuning).toList();
        int withFace = (int) half.stream().filter(LabelledFaces.Sample::face).count();
        int missedHere = (int) half.stream().filter(s -> s.face() && missed.contains(s.file())).count();
        int alarmsHere = (int) half.stream().filter(s -> !s.face() && falseAlarms.contains(s.file())).count();
        return marks(withFace - missedHere, withFace, alarmsHere, half.size() - withFace);
    }

    private static String marks(int found, int faces, int alarms, int noFaces) {
        return String.format("recall %.1f %% (%d of %d faces), false positives %.1f %% (%d of %d)",
                faces == 0 ? 0 : 100.0 * found / faces, found, faces, noFaces == 0 ? 0 : 100.0 * alarms / noFaces, alarms, noFaces);
    }

    /** Wall time per check. */
    public double meanMillis() {
        return mean(nanos);
    }

    public double p95Millis() {
        return p95(nanos);
    }

    /** CPU time of the checking thread per check (OpenCV runs single-threaded here). */
    public double meanCpuMillis() {
        return mean(cpuNanos);
    }

    public double p95CpuMillis() {
        return p95(cpuNanos);
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    private static double p95(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("%s, %.1f ms mean, %.1f ms p95; missed %s; false alarms %s",
                marks(faces - missed.size(), faces, falseAlarms.size(), noFaces), meanMillis(), p95Millis(), missed, falseAlarms);
    }
}
