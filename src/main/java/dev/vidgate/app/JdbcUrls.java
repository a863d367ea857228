package dev.vidgate.app;

import java.util.Locale;

/** Which database a JDBC URL names, by its subprotocol ({@code jdbc:h2:...}, {@code jdbc:postgresql:...}), in any case. */
final class JdbcUrls {
    private JdbcUrls() {
    }

    static boolean isH2(String url) {
        return names(url, "h2");
    }

    static boolean isPostgres(String url) {
        return names(url, "postgresql");
    }

    private static boolean names(String url, String subprotocol) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:" + subprotocol + ":");
    }
}
