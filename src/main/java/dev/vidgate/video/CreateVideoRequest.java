package dev.vidgate.video;

/**
 * A create (or remix) request as the client sent it, before validation. Text fields are null when
 * absent; {@code referenceImage} holds the raw bytes of the reference image, however it was sent.
 */
public record CreateVideoRequest(String prompt, String model, String seconds, String size, byte[] referenceImage,
                                 String idempotencyKey) {

    public static CreateVideoRequest remix(String prompt, String idempotencyKey) {
        return new CreateVideoRequest(prompt, null, null, null, null, idempotencyKey);
    }
}
