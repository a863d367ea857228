package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.video.reference.DataUrls;
import dev.vidgate.video.reference.RemoteImageFetcher;

/** Turns the non-file forms of {@code input_reference} ({@code image_url}, {@code file_id}) into image bytes. */
final class ReferenceResolver {
    private final RemoteImageFetcher fetcher;

    ReferenceResolver(RemoteImageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    byte[] fromImageUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalid("input_reference.image_url must not be empty", "input_reference", "invalid_value");
        }
        if (DataUrls.isDataUrl(url)) return DataUrls.decode(url, RequestLimits.MAX_FILE_BYTES);
        return fetcher.fetch(url.trim());
    }

    byte[] fromFileId(String fileId) {
        throw ApiException.invalid("input_reference.file_id is not supported by this server: upload the image as the "
                + "input_reference file, or send input_reference.image_url as a data URL.", "input_reference", "unsupported_parameter");
    }
}
