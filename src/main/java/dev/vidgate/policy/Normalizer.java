package dev.vidgate.policy;

import java.util.Locale;

/** The one spelling rules and classifiers see: NFKC (full-width letters, ligatures), lower case, no zero-width tricks. */
final class Normalizer {
    private Normalizer() {}

    static String normalize(String text) {
        String nfkc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        return nfkc.replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]", "").replace('’', '\'').toLowerCase(Locale.ROOT);
    }
}
