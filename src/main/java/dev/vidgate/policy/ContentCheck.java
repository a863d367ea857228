package dev.vidgate.policy;

import java.util.List;

/**
 * The content policy's one call, run on every new job (create, remix, and edits or extensions) before anything is held
 * or sent upstream: returns when the request may go on, throws the OpenAI error when it may not (400
 * {@code moderation_blocked}; 503 when a fail-closed classifier cannot answer).
 */
public interface ContentCheck {

    void screen(Subject subject);

    /** What a new job asks for: its prompt and the images it brings, each named by its request field. */
    record Subject(String tenantId, String keyId, String model, String prompt, List<Image> images) {
        public Subject {
            images = images == null ? List.of() : List.copyOf(images);
        }

        public static Subject prompt(String tenantId, String keyId, String model, String prompt) {
            return new Subject(tenantId, keyId, model, prompt, List.of());
        }
    }

    /** An input image and the request field it came in ({@code input_reference}, {@code last_frame}, ...). */
    record Image(String param, byte[] bytes) {}

    /** Lets everything through: where no policy is wired. */
    ContentCheck NONE = subject -> {};
}
