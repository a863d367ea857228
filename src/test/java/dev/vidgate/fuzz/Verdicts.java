package dev.vidgate.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.vidgate.fuzz.Wire.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the suite demands of every answer: a status below 500, an {@code x-request-id}, the OpenAI error
 * envelope on every error, nothing at ERROR and no stack trace in the log; and the report of what broke.
 */
final class Verdicts {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Verdicts() {}

    /** One request that broke a rule: what was sent, what came back, what went wrong, what was logged. */
    record Failure(String request, int status, List<String> problems, String log) {
        /** Requests that broke the same rules the same way share a cause. */
        String cause() {
            return (status == 0 ? "" : status + " ") + String.join(", ", problems) + (log.isEmpty() ? "" : " | " + log);
        }
    }

    static List<String> problems(String method, Answer answer, List<ILoggingEvent> logged) {
        List<String> problems = new ArrayList<>();
        if (answer.failure() != null) {
            problems.add(answer.failure());
        } else if (answer.isHttp09()) {
            // No status line and no headers (so no x-request-id) is what HTTP/0.9 is; the body must still be the envelope.
            if (!isEnvelopeJson(answer)) problems.add("an HTTP/0.9 answer that is not the error envelope: " + clip(answer.bodyText(), 60));
        } else {
            if (answer.status() >= 500) problems.add("5xx");
            if (answer.header("x-request-id").isEmpty()) problems.add("no x-request-id");
            boolean error = answer.status() < 200 || answer.status() >= 300;
            if (error && !method.equalsIgnoreCase("HEAD") && !isEnvelope(answer)) problems.add("no error envelope");
        }
        if (logged.stream().anyMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))) problems.add("ERROR logged");
        if (logged.stream().anyMatch(e -> e.getThrowableProxy() != null)) problems.add("stack trace logged");
        return problems;
    }

    static boolean isEnvelope(Answer answer) {
        return answer.header("Content-Type").orElse("").startsWith("application/json") && isEnvelopeJson(answer);
    }

    private static boolean isEnvelopeJson(Answer answer) {
        try {
            JsonNode error = JSON.readTree(answer.body()).get("error");
            return error != null && error.isObject() && error.path("message").isString() && !error.path("message").asString().isBlank()
                    && error.path("type").isString() && error.has("param") && error.has("code");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The log events that matter to a reader: ERROR, WARN, or any with a stack trace; one line. */
    static String logLine(List<ILoggingEvent> logged) {
        return logged.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + shortName(e.getLoggerName()) + ": " + clip(e.getFormattedMessage(), 90)
                        + (e.getThrowableProxy() == null ? "" : " [" + rootCause(e.getThrowableProxy()) + "]"))
                .distinct().collect(Collectors.joining(" / "));
    }

    private static String rootCause(IThrowableProxy t) {
        while (t.getCause() != null) t = t.getCause();
        return shortName(t.getClassName()) + ": " + clip(String.valueOf(t.getMessage()), 90);
    }

    private static String shortName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** One line per failed request. */
    static String table(List<Failure> failures) {
        StringBuilder t = new StringBuilder(failures.size() + " hostile requests broke a rule:\n");
        for (Failure f : failures) {
            t.append(String.format("%-90s -> %3s %s%s%n", clip(f.request(), 90), f.status() == 0 ? "---" : f.status(),
                    String.join(", ", f.problems()), f.log().isEmpty() ? "" : " | " + clip(f.log(), 200)));
        }
        return t.toString();
    }

    /** The failures grouped by cause, largest group first, each with a count and its first request. */
    static String byCause(List<Failure> failures) {
        Map<String, List<Failure>> groups = new LinkedHashMap<>();
        for (Failure f : failures) groups.computeIfAbsent(clip(f.cause(), 220), k -> new ArrayList<>()).add(f);
        StringBuilder t = new StringBuilder("by cause:\n");
        groups.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).forEach(g ->
                t.append(String.format("%4d x %s%n       e.g. %s%n", g.getValue().size(), g.getKey(), clip(g.getValue().getFirst().request(), 160))));
        return t.toString();
    }

    /** {@code text} on one printable line: control characters as {@code \xNN}, cut to {@code max} characters. */
    static String clip(String text, int max) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) s.append(String.format("\\x%02x", (int) c & 0xffff));
            else s.append(c);
            if (s.length() > max) return s.substring(0, max - 1) + "…";
        }
        return s.toString();
    }
}
