package dev.vidgate.video;

/**
 * A create (or remix) request as the client sent it, before validation. Text fields are null when
 * absent; {@code referenceImage} holds the raw bytes of the reference image, however it was sent.
 * The optional fields of other providers ({@code negative_prompt}, {@code seed}, {@code generate_audio},
 * {@code last_frame}) are null when absent, as for every Sora client; {@code seed} is the digits sent.
 */
public record CreateVideoRequest(String prompt, String model, String seconds, String size, byte[] referenceImage,
                                 String idempotencyKey, String negativePrompt, String seed, Boolean generateAudio,
                                 byte[] lastFrame) {

    /** A request with none of the optional fields (what a Sora client sends). */
    public CreateVideoRequest(String prompt, String model, String seconds, String size, byte[] referenceImage,
                              String idempotencyKey) {
        this(prompt, model, seconds, size, referenceImage, idempotencyKey, null, null, null, null);
    }

    public static CreateVideoRequest remix(String prompt, String idempotencyKey) {
        return new CreateVideoRequest(prompt, null, null, null, null, idempotencyKey);
    }
}
