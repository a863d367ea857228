package dev.vidgate.fuzz;

import dev.vidgate.testsupport.LogCapture;
import dev.vidgate.fuzz.Mutations.Mutation;
import dev.vidgate.fuzz.Mutations.Variant;
import dev.vidgate.fuzz.Routes.Route;
import dev.vidgate.fuzz.Verdicts.Failure;
import dev.vidgate.fuzz.Wire.Answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Crosses the routes with the mutations (deterministically, from a seed), sends every request and judges every answer. */
final class HostileRequests {
    /** Longer than any honest answer on localhost takes; a request that needs it is stuck. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(8);

    private HostileRequests() {}

    /** One request as sent: a readable summary and its bytes. */
    record Sent(String summary, String method, byte[] bytes) {}

    /** Mutation by mutation (the image bombs come last), route by route: the same seed gives the same requests. */
    static List<Sent> generate(List<Route> routes, List<Mutation> mutations, long seed, int port) {
        Random random = new Random(seed);
        List<Sent> requests = new ArrayList<>();
        for (Mutation m : mutations) {
            for (Route r : routes) {
                if (!m.appliesTo().test(r)) continue;
                int n = m.samples() == Mutations.EVERY ? m.variants().size() : m.samples();
                for (int i = 0; i < n; i++) {
                    Variant v = m.samples() == Mutations.EVERY ? m.variants().get(i) : m.variants().get(random.nextInt(m.variants().size()));
                    Draft d = r.draft().copy();
                    v.bend().apply(d, r, random);
                    String summary = r.name() + " | " + m.name() + (v.note().isEmpty() ? "" : ": " + Verdicts.clip(v.note(), 50));
                    requests.add(new Sent(summary, d.method, d.render(port)));
                }
            }
        }
        return requests;
    }

    /** Sends the requests one after the other, so that what the server logs belongs to the request that caused it. */
    static List<Failure> send(List<Sent> requests, int port, LogCapture log) {
        List<Failure> failures = new ArrayList<>();
        for (Sent s : requests) {
            int mark = log.mark();
            Answer answer = Wire.exchange(port, s.bytes(), ANSWER_TIMEOUT);
            var logged = log.since(mark);
            List<String> problems = Verdicts.problems(s.method(), answer, logged);
            if (!problems.isEmpty()) failures.add(new Failure(s.summary(), answer.status(), problems, Verdicts.logLine(logged)));
        }
        return failures;
    }
}
