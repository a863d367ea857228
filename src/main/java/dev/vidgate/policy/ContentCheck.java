package dev.vidgate.policy;

import java.awt.image.BufferedImage;

/**
 * The content policy, run on every new job (create, remix, and edits or extensions) before anything is held or sent
 * upstream: each call returns when the request may go on, throws the OpenAI error when it may not (400
 * {@code moderation_blocked}; 503 when a fail-closed classifier cannot answer).
 */
public interface ContentCheck {

    /** The prompt's checks. */
    void screen(Subject subject);

    /**
     * Whether {@link #screenImage} would look at this subject's input images (its level covers faces): a caller that
     * knows it will not need not spend CPU on them.
     */
    default boolean screensImages(Subject subject) {
        return false;
    }

    /**
     * The checks of one decoded input image (upright, {@code TYPE_INT_RGB}), sent as {@code param}
     * ({@code input_reference}, {@code last_frame}, ...): the face rule at {@code strict}. CPU-heavy; the caller bounds it.
     */
    default void screenImage(Subject subject, String param, BufferedImage picture) {}

    /** Who asks for what: the tenant, its key, the model and the prompt. */
    record Subject(String tenantId, String keyId, String model, String prompt) {
        public static Subject prompt(String tenantId, String keyId, String model, String prompt) {
            return new Subject(tenantId, keyId, model, prompt);
        }
    }

    /** Lets everything through: where no policy is wired. */
    ContentCheck NONE = subject -> {};
}
