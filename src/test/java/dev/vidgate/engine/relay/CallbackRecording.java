package dev.vidgate.engine.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAI dialect as a provider that notes the callback URL each create was given (that dialect has nowhere to send
 * it), so that a test or benchmark can play the provider calling back.
 */
final class CallbackRecording implements Provider {
    /** Each job's callback URL by job id ({@code "null"} when none was offered). */
    final Map<String, String> urls = new ConcurrentHashMap<>();

    @Override
    public String wireName() { return "recording"; }

    /** The token at the end of the job's callback URL. */
    String token(String jobId) {
        String url = urls.get(jobId);
        return url == null ? null : url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        ProviderClient inner = Flavour.OPENAI.open(channel, transport);
        return new ProviderClient() {
            @Override
            public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
                urls.put(submission.request().jobId(), String.valueOf(submission.callbackUrl()));
                return inner.create(submission);
            }

            @Override
            public Polled retrieve(String id) throws UpstreamException, InterruptedException { return inner.retrieve(id); }

            @Override
            public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout)
                    throws UpstreamException, InterruptedException {
                return inner.download(finished, target, maxBytes, timeout);
            }

            @Override
            public void cancel(String id) throws UpstreamException, InterruptedException { inner.cancel(id); }
        };
    }
}
