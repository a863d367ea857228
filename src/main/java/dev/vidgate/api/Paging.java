package dev.vidgate.api;

import dev.vidgate.common.ApiException;

import java.util.regex.Pattern;

/**
 * The list parameters every paged route shares: {@code after}, {@code limit} (1..100, default 20), {@code order}.
 * Values are taken exactly as sent: {@code limit} is ASCII digits only, without spaces or signs.
 */
public final class Paging {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

    private Paging() {}

    public static int limit(String limit) {
        if (limit == null || limit.isEmpty()) return 20;
        if (DIGITS.matcher(limit).matches()) {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 100) return n;
        }
        throw ApiException.invalid("Invalid 'limit': must be an integer from 1 to 100.", "limit", "invalid_value");
    }

    /** {@code asc} or {@code desc} (the default: newest first). */
    public static boolean ascending(String order) {
        if (order == null || order.isEmpty() || order.equals("desc")) return false;
        if (order.equals("asc")) return true;
        throw ApiException.invalid("Invalid 'order': must be 'asc' or 'desc'.", "order", "invalid_value");
    }

    public static String cursor(String after) {
        return after == null || after.isEmpty() ? null : after;
    }
}
