package dev.vidgate.video.footage;

import dev.vidgate.tenancy.Principal;

/**
 * The content policy's look at a caller's uploaded clip: the {@link FrameCheck} for an upload by {@code who} (made by
 * the default model, as uploads are), sent with {@code text} (the prompt, or a character's name: what a block's audit
 * row quotes). It refuses a clip the policy blocks (a face, at {@code strict}); {@link FrameCheck#NONE} when the policy
 * does not look at images.
 */
@FunctionalInterface
public interface FootageScreens {
    FrameCheck forUpload(Principal who, String text);

    /** Looks at no clip. */
    FootageScreens NONE = (who, text) -> FrameCheck.NONE;
}
