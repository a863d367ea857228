package dev.vidgate.api;

import dev.vidgate.common.ApiException;

/** The list parameters every paged route shares: {@code after}, {@code limit} (1..100, default 20), {@code order}. */
public final class Paging {
    private Paging() {}

    public static int limit(String limit) {
        if (limit == null || limit.isEmpty()) return 20;
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= 100) return n;
        } catch (NumberFormatException ignored) {
            // answered below
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
