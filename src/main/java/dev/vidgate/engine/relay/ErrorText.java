package dev.vidgate.engine.relay;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what an upstream wrote into text a client may read: no URLs (they would name the upstream),
 * no keys or bearer tokens, no upstream job ids, no markup, no control characters, and short.
 */
public final class ErrorText {
    static final int MAX_LENGTH = 300;
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?)://[^\\s\"'<>]+");
    private static final Pattern HOST_PORT = Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d+)?\\b");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[^\\s\"',]+");
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(?:sk|rk|pk|key)-[A-Za-z0-9_\\-]{8,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_.\\-]{1,64}");

    private ErrorText() {}

    /**
     * {@code raw} cleaned for clients, or {@code null} when nothing readable is left.
     *
     * @param secrets strings that must not appear (the channel's key, the upstream job id)
     */
    public static String clean(String raw, String... secrets) {
        if (raw == null) return null;
        String text = raw;
        if (looksLikeMarkup(text)) return null;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) text = text.replace(secret, "[redacted]");
        }
        text = URL.matcher(text).replaceAll("[url]");
        text = HOST_PORT.matcher(text).replaceAll("[host]");
        text = BEARER.matcher(text).replaceAll("[redacted]");
        text = KEY_LIKE.matcher(text).replaceAll("[redacted]");
        text = CONTROL.matcher(text).replaceAll("");
        text = SPACE.matcher(text).replaceAll(" ").trim();
        if (text.isEmpty()) return null;
        if (text.length() > MAX_LENGTH) text = text.substring(0, MAX_LENGTH - 3) + "...";
        return text;
    }

    /**
     * {@code raw} cleaned for clients with the channel's {@code secrets} and this answer's own ({@code more}: the upstream
     * job or request id), or {@code null} when nothing readable is left.
     */
    public static String clean(String raw, String[] secrets, String... more) {
        String[] all = Arrays.copyOf(secrets, secrets.length + more.length);
        System.arraycopy(more, 0, all, secrets.length, more.length);
        return clean(raw, all);
    }

    /** An upstream error code if it is a plain token ({@code moderation_blocked}), else {@code null}. */
    public static String code(String raw) {
        if (raw == null) return null;
        String code = raw.trim().toLowerCase(Locale.ROOT);
        return TOKEN.matcher(code).matches() ? code : null;
    }

    public static boolean looksLikeMarkup(String text) {
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith("<?xml")
                || (head.startsWith("<") && head.contains("</"));
    }
}
