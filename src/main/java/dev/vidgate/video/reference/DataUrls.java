package dev.vidgate.video.reference;

import dev.vidgate.common.ApiException;
import java.util.Base64;
import java.util.Locale;

/** Decodes {@code data:<mime>;base64,<payload>} URLs. The media type is ignored: the format comes from the bytes. */
public final class DataUrls {
    private DataUrls() {}

    /** True when {@code url} looks like a data URL (so callers can tell it from a remote URL). */
    public static boolean isDataUrl(String url) {
        return url != null && url.regionMatches(true, 0, "data:", 0, 5);
    }

    /**
     * The bytes of a base64 data URL.
     *
     * @throws ApiException 400 {@code invalid_value} if malformed (not base64, no payload, bad characters);
     *     413 {@code file_too_large} if the decoded bytes would exceed {@code maxBytes} (checked on the encoded
     *     length, before anything is decoded)
     */
    public static byte[] decode(String dataUrl, long maxBytes) {
        if (!isDataUrl(dataUrl)) throw ReferenceErrors.malformedUrl();
        int comma = dataUrl.indexOf(',');
        if (comma < 0) throw ReferenceErrors.malformedUrl();
        String meta = dataUrl.substring(5, comma).toLowerCase(Locale.ROOT);
        if (!meta.endsWith(";base64")) throw ReferenceErrors.malformedUrl();

        // Count the significant characters without copying, so an oversize payload is refused before decoding.
        int n = dataUrl.length();
        long significant = 0;
        boolean whitespace = false;
        boolean urlSafe = false;
        for (int i = comma + 1; i < n; i++) {
            char c = dataUrl.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                whitespace = true;
            } else if (c == '=') {
                // padding: contributes no bytes
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                significant++;
            } else if (c == '-' || c == '_') {
                urlSafe = true;
                significant++;
            } else {
                throw ReferenceErrors.malformedUrl();
            }
        }
        if (significant == 0) throw ReferenceErrors.malformedUrl();
        if (significant * 6 / 8 > maxBytes) throw ReferenceErrors.tooLarge(maxBytes);

        String payload = dataUrl.substring(comma + 1);
        if (whitespace) payload = payload.replaceAll("[ \\t\\r\\n]", "");
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(payload);
        } catch (IllegalArgumentException e) {
            throw ReferenceErrors.malformedUrl();
        }
    }
}
