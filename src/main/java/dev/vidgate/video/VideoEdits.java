package dev.vidgate.video;

import dev.vidgate.catalog.Input;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.tenancy.TenancyErrors;
import dev.vidgate.video.footage.Footage;
import dev.vidgate.video.footage.UploadedFootage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Edits ({@code POST /v1/videos/edits}) and extensions ({@code POST /v1/videos/extensions}): a new job that starts from
 * footage, a completed video of the caller's or an uploaded clip, whose MP4 is stored with the job. An edit keeps the
 * source's size and length and takes the new prompt; an extension adds 4 to 20 seconds after the source's last frame,
 * and its length is the stitched total. Only a model that takes {@link Input#VIDEO} does either; nothing is held or
 * stored for a request that is refused.
 */
public final class VideoEdits {
    /** The seconds an extension may add. */
    static final List<Integer> EXTENSION_SECONDS = List.of(4, 8, 12, 16, 20);

    private final VideoService videos;
    private final ModelCatalog catalog;
    private final VideoPolicy policy;
    private final UploadedFootage uploads;

    /** Edits and extensions of {@code videos}' jobs, under its catalog and policy; uploads checked by {@code uploads}. */
    public VideoEdits(VideoService videos, UploadedFootage uploads) {
        this.videos = videos;
        this.catalog = videos.catalog();
        this.policy = videos.policy();
        this.uploads = uploads;
    }

    public Video edit(Principal who, FootageRequest request) {
        return start(who, request, SourceClip.Kind.EDIT);
    }

    public Video extend(Principal who, FootageRequest request) {
        return start(who, request, SourceClip.Kind.EXTENSION);
    }

    private Video start(Principal who, FootageRequest request, SourceClip.Kind kind) {
        String prompt = CreateChecks.prompt(request.prompt());
        int added = kind == SourceClip.Kind.EXTENSION ? addedSeconds(request.seconds()) : 0;
        Source source = source(who, request);
        ModelSpec model = catalog.find(source.model).orElseThrow(() -> VideoErrors.unknownModel(source.model));
        if (!who.mayUse(model.name())) throw TenancyErrors.modelNotAllowed(who, source.model);
        if (!model.can().takes(Input.VIDEO)) throw cannot(model, kind);
        CreateChecks.promptFits(prompt, model);
        if (source.videoId == null && !model.sizes().contains(source.size)) throw sizeNotMade(source.size, model);
        byte[] footage = source.bytes != null ? source.bytes : videos.readAll(source.video.storageKey(Variant.VIDEO));
        var clip = new SourceClip(kind, source.videoId, source.seconds);
        videos.screenPrompt(who, model, prompt);
        var draft = new VideoService.Draft(source.model, model, prompt, source.size, source.seconds + added, null, null,
                VideoOptions.NONE, null, List.of(), VideoService.drawSeed(), clip, footage);
        return videos.enqueue(who, draft, request.idempotencyKey());
    }

    /** The source: a completed video of the caller's tenant (another tenant's is unknown), or a checked upload. */
    private Source source(Principal who, FootageRequest request) {
        if (request.videoId() != null && request.upload() != null) {
            throw ApiException.invalid("Provide video either as {\"id\": \"video_...\"} or as an uploaded file, not both.", "video",
                    "invalid_value");
        }
        if (request.videoId() != null) {
            Video video = videos.get(who, request.videoId());
            if (video.status() != VideoStatus.COMPLETED) {
                throw VideoErrors.invalidState("Video " + video.id() + " is " + video.status().wireName()
                        + "; only completed videos can be edited or extended.");
            }
            if (video.contentExpired()) throw VideoErrors.expired(video);
            return new Source(video.model(), video.size(), video.seconds(), video.id(), video, null);
        }
        if (request.upload() == null) {
            throw ApiException.invalid("Missing required parameter: video", "video", "missing_required_parameter");
        }
        Footage footage = uploads.check(request.upload(), videos.footageScreen(who, request.prompt()));
        return new Source(policy.defaultModel(), new VideoSize(footage.width(), footage.height()), footage.wholeSeconds(), null,
                null, request.upload());
    }

    private static int addedSeconds(String seconds) {
        if (seconds == null) throw ApiException.invalid("Missing required parameter: seconds", "seconds", "missing_required_parameter");
        return EXTENSION_SECONDS.stream().filter(s -> s.toString().equals(seconds)).findFirst()
                .orElseThrow(() -> ApiException.invalid("seconds must be one of " + EXTENSION_SECONDS.stream()
                        .map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")), "seconds", "invalid_value"));
    }

    private static ApiException cannot(ModelSpec model, SourceClip.Kind kind) {
        String what = kind == SourceClip.Kind.EDIT ? "edit" : "extend";
        return ApiException.invalid("The model '" + model.name() + "' cannot " + what + " videos; "
                + "edits and extensions are made by models that take a video input (see GET /v1/videos/models).", "video", "unsupported_value");
    }

    private static ApiException sizeNotMade(VideoSize size, ModelSpec model) {
        return ApiException.invalid("The video is " + size + "; " + model.name() + " edits and extends videos of "
                + model.sizes().stream().map(VideoSize::toString).collect(Collectors.joining(", ")) + ".", "video", "invalid_value");
    }

    private record Source(String model, VideoSize size, int seconds, String videoId, Video video, byte[] bytes) {}
}
