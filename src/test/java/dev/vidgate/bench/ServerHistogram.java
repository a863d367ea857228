package dev.vidgate.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The server's own count of a route's {@code GET} answered 200, and how many within 5 and 10 ms, from its
 * {@code http_server_requests} histogram at {@code /actuator/prometheus} (as bench/lib.sh's server_counts). The server
 * times a request from its first filter to the response, so next to wrk's latency it shows how much of the client's
 * wait was spent before the server read the request (on a machine whose cores the client shares).
 */
record ServerHistogram(long total, long within5ms, long within10ms) {

    static ServerHistogram read(String baseUrl, String adminKey, String uriPattern) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String text = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.ofString()).body();
            long total = 0, in5 = 0, in10 = 0;
            for (String line : text.split("\n")) {
                if (!line.startsWith("http_server_requests_seconds_") || !line.contains("method=\"GET\"")
                        || !line.contains("status=\"200\"") || !line.contains("uri=\"" + uriPattern + "\"")) continue;
                long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.contains("_count{")) total = value;
                else if (line.contains("le=\"0.005\"")) in5 = value;
                else if (line.contains("le=\"0.01\"")) in10 = value;
            }
            return new ServerHistogram(total, in5, in10);
        }
    }

    /** The share of the requests counted since {@code before} that the server answered within 5 and 10 ms. */
    String shareSince(ServerHistogram before) {
        long n = total - before.total;
        if (n <= 0) return "server-side: no requests counted";
        return String.format("server-side: %.2f%% within 5 ms, %.2f%% within 10 ms (of %,d)",
                100.0 * (within5ms - before.within5ms) / n, 100.0 * (within10ms - before.within10ms) / n, n);
    }
}
