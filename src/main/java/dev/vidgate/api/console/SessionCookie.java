package dev.vidgate.api.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;

import java.time.Duration;

/** The console's session cookie: HttpOnly, SameSite=Strict, for the whole site (the bridge serves /v1 and /admin/v1). */
final class SessionCookie {
    static final String NAME = "vidgate_console";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {}

    static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName())) return c.getValue();
        }
        return null;
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String token, Duration maxAge) {
        response.addHeader("Set-Cookie", cookie(request, token, maxAge).toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(request.isSecure()).sameSite("Strict")
                .path("/").maxAge(maxAge).build();
    }

    static boolean isUnsafe(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }
}
