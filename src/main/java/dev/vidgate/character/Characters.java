package dev.vidgate.character;

import dev.vidgate.common.ApiException;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.video.footage.Footage;
import dev.vidgate.video.footage.FootageScreens;
import dev.vidgate.video.footage.UploadedFootage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The characters API ({@code POST /v1/videos/characters}, {@code GET /v1/videos/characters/{id}}) and what the renderer
 * asks of it: a character is made from an uploaded clip (checked like an edit's footage), named 1 to 80 characters, and
 * kept, with its clip and a still of its first frame, for the retention period; another tenant's is unknown (404).
 */
public final class Characters {
    private static final Logger log = LoggerFactory.getLogger(Characters.class);
    static final int MAX_NAME = 80;
    private static final int SWEEP_BATCH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CharacterStore store;
    private final ContentStore content;
    private final UploadedFootage uploads;
    private final FootageScreens screens;
    private final InstantSource clock;
    private final Duration retention;

    public Characters(CharacterStore store, ContentStore content, UploadedFootage uploads, InstantSource clock, Duration retention) {
        this(store, content, uploads, FootageScreens.NONE, clock, retention);
    }

    /** As above, the content policy looking at every clip through {@code screens}. */
    public Characters(CharacterStore store, ContentStore content, UploadedFootage uploads, FootageScreens screens,
                      InstantSource clock, Duration retention) {
        this.store = store;
        this.content = content;
        this.uploads = uploads;
        this.screens = screens;
        this.clock = clock;
        this.retention = retention;
    }

    public Character create(Principal who, String name, byte[] video) {
        if (name == null || name.isBlank()) throw ApiException.invalid("Missing required parameter: name", "name", "missing_required_parameter");
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME) {
            throw ApiException.invalid("name must be at most " + MAX_NAME + " characters (it has " + length + ").", "name", "string_above_max_length");
        }
        if (video == null) throw ApiException.invalid("Missing required parameter: video", "video", "missing_required_parameter");
        Footage footage = uploads.check(video, screens.forUpload(who, name.strip()));
        Instant now = clock.instant();
        var character = new Character("char_" + HexFormat.of().formatHex(bytes()),
                who.tenantId(), name.strip(), now, now.plus(retention));
        // the files first, so a character the store lists always has them
        content.put(character.pictureKey(), new ByteArrayInputStream(png(footage)));
        content.put(character.footageKey(), new ByteArrayInputStream(video));
        try {
            store.insert(character);
        } catch (RuntimeException e) {
            content.deleteAll(character.storagePrefix());
            throw e;
        }
        return character;
    }

    public Character get(Principal who, String id) {
        return store.find(who.tenantId(), id).filter(c -> c.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> ApiException.notFound("Character with id '" + ApiException.echo(id, 80) + "' not found.", null));
    }

    /**
     * The picture of the first of the tenant's characters whose name the prompt contains (as a word, any case), or empty.
     */
    public Optional<byte[]> pictureNamedIn(String tenantId, String prompt) {
        String text = " " + prompt.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        for (Character c : store.live(tenantId, clock.instant())) {
            String name = " " + c.name().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
            if (name.isBlank() || !text.contains(name)) continue;
            long size = content.size(c.pictureKey()).orElse(-1L);
            if (size < 0) continue;
            try (InputStream in = content.open(c.pictureKey(), 0, size)) {
                return Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the picture of " + c.id(), e);
            }
        }
        return Optional.empty();
    }

    /** Deletes expired characters and their files; answers how many. Never throws. */
    public int sweepExpired() {
        int swept = 0;
        try {
            for (Character c : store.expired(clock.instant(), SWEEP_BATCH)) {
                try {
                    content.deleteAll(c.storagePrefix());
                    store.delete(c.id());
                    swept++;
                } catch (RuntimeException e) {
                    log.warn("expiry of character {} failed; it is tried again on the next sweep", c.id(), e);
                }
            }
        } catch (RuntimeException e) {
            log.warn("expiry of characters failed; it is tried again on the next sweep", e);
        }
        return swept;
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] png(Footage footage) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(footage.firstFrame(), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
