package dev.vidgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a GET from outside the JVM with wrk (as bench/api.sh does), so the figures are the server's and not those of a
 * client and a cold JIT sharing the server's JVM: a warm-up of {@code warmUpSeconds} at the same concurrency, then a run
 * with {@code --latency}; the p50 and p99 are wrk's, next to the server's own timing of the measured run
 * ({@link ServerHistogram}). Fails on any non-2xx answer, or a socket error in the measured run.
 */
final class Wrk {
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

    /** wrk's figures of one run: requests per second and latency percentiles in ms; the server's share within 5 and 10 ms. */
    record Figures(double requestsPerSecond, double p50, double p99, String server) {
    }

    /** Reads the server's histogram (it throws what the reading throws). */
    interface HistogramReader {
        ServerHistogram read() throws IOException, InterruptedException;
    }

    private Wrk() {
    }

    static Figures get(String url, String apiKey, int connections, int warmUpSeconds, int seconds, HistogramReader server)
            throws IOException, InterruptedException {
        run(url, apiKey, connections, warmUpSeconds, false);
        ServerHistogram before = server.read();
        String out = run(url, apiKey, connections, seconds, true);
        String serverShare = server.read().shareSince(before);
        double p50 = Double.NaN, p99 = Double.NaN;
        for (Matcher m = PERCENTILE.matcher(out); m.find(); ) {
            double ms = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            };
            if (m.group(1).equals("50")) p50 = ms;
            else p99 = ms;
        }
        Matcher rate = RATE.matcher(out);
        if (Double.isNaN(p50) || Double.isNaN(p99) || !rate.find()) throw new IllegalStateException("unexpected wrk output:\n" + out);
        return new Figures(Double.parseDouble(rate.group(1)), p50, p99, serverShare);
    }

    private static String run(String url, String apiKey, int connections, int seconds, boolean latency) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "-H", "Authorization: Bearer " + apiKey));
        if (latency) command.add("--latency");
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a cold server may time some warm-up requests out; the measured run must have none
        if (wrk.waitFor() != 0 || out.contains("Non-2xx") || latency && out.contains("Socket errors")) {
            throw new IllegalStateException("wrk -c" + connections + " " + url + " failed:\n" + out);
        }
        return out;
    }
}
