package dev.vidgate.api;

import dev.vidgate.common.ApiException;

/**
 * The one check every request parser runs on the text it reads (JSON and multipart fields, admin
 * bodies, query parameters): no NUL or other control character (Unicode category Cc), which no field
 * of this API means and which PostgreSQL cannot even store. Free text such as a prompt may still hold
 * ordinary whitespace: tab, line feed and carriage return.
 */
public final class TextFields {
    private TextFields() {}

    /** {@code value} unchanged (null included), or 400 {@code invalid_value} naming {@code param} when it holds a control character. */
    public static String singleLine(String value, String param) {
        return check(value, param, false);
    }

    /** As {@link #singleLine}, but tab, line feed and carriage return are allowed. */
    public static String multiline(String value, String param) {
        return check(value, param, true);
    }

    /** Whether {@code value} holds no control character at all. */
    static boolean isSingleLine(String value) {
        return indexOfControl(value, false) < 0;
    }

    private static String check(String value, String param, boolean multiline) {
        if (value == null) return null;
        int i = indexOfControl(value, multiline);
        if (i >= 0) {
            throw ApiException.invalid("Invalid '" + param + "': control characters such as "
                    + String.format("U+%04X", (int) value.charAt(i)) + " are not allowed (found at character "
                    + (value.codePointCount(0, i) + 1) + ").", param, "invalid_value");
        }
        return value;
    }

    private static int indexOfControl(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) return i;
        }
        return -1;
    }
}
