package dev.vidgate.policy;

import java.awt.image.BufferedImage;

/**
 * The content policy, run on every new job (create, remix, and edits or extensions) before anything is held or sent
 * upstream: each call returns when the request may go on, throws the OpenAI error when it may not (400
 * {@code moderation_blocked}; 503 when a fail-closed classifier cannot answer). The request's level is read once per
 * call; its image checks ({@link Images}) run at that level.
 */
@FunctionalInterface
public interface ContentCheck {

    /** The prompt's checks; answers the checks of the same request's input images, at the level read for the prompt. */
    Images screen(Subject subject);

    /** The checks of a request's input images alone (an uploaded clip's frames, screened before its prompt is). */
    default Images images(Subject subject) {
        return Images.NONE;
    }

    /** One request's checks of its decoded input images, at the level read once for the request. */
    @FunctionalInterface
    interface Images {
        /**
         * The checks of one decoded input image (upright, {@code TYPE_INT_RGB}), sent as {@code param}
         * ({@code input_reference}, {@code last_frame}, ...): the face rule at {@code strict}. CPU-heavy; the caller bounds it.
         */
        void check(String param, BufferedImage picture);

        /** Whether {@link #check} would look at a picture (the level covers faces): if not, the caller need not decode. */
        default boolean active() {
            return true;
        }

        /** Looks at no image. */
        Images NONE = new Images() {
            @Override
            public void check(String param, BufferedImage picture) {}

            @Override
            public boolean active() {
                return false;
            }
        };
    }

    /** Who asks for what: the tenant, its key, the model and the prompt. */
    record Subject(String tenantId, String keyId, String model, String prompt) {
        public static Subject prompt(String tenantId, String keyId, String model, String prompt) {
            return new Subject(tenantId, keyId, model, prompt);
        }
    }

    /** Lets everything through: where no policy is wired. */
    ContentCheck NONE = subject -> Images.NONE;
}
