package dev.vidgate.policy;

import java.util.Set;

/** An external moderation model: the categories it flags in a text (empty: clean). */
public interface Classifier {

    /** @throws ClassifierUnavailable when it does not answer in time or answers an error */
    Set<Category> flagged(String text);

    /** The classifier could not decide (timeout, transport fault, an error answer). */
    final class ClassifierUnavailable extends RuntimeException {
        public ClassifierUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
