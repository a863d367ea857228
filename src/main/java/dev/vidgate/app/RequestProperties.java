package dev.vidgate.app;

import dev.vidgate.api.ParameterSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Locale;

/**
 * {@code vidgate.request.*}: how request bodies are read.
 *
 * @param unknownParameters {@code reject} (OpenAI's behaviour: 400 {@code unknown_parameter}) or {@code ignore}
 *                          ({@code VIDGATE_REQUEST_UNKNOWN_PARAMETERS})
 */
@ConfigurationProperties("vidgate.request")
public record RequestProperties(@DefaultValue("reject") String unknownParameters) {

    public RequestProperties {
        unknownParameters = unknownParameters == null ? "" : unknownParameters.trim().toLowerCase(Locale.ROOT);
        VidgateProperties.require(unknownParameters.equals("reject") || unknownParameters.equals("ignore"),
                "vidgate.request.unknown-parameters (VIDGATE_REQUEST_UNKNOWN_PARAMETERS) must be reject or ignore; got '"
                        + unknownParameters + "'");
    }

    ParameterSettings parameters() {
        return new ParameterSettings(unknownParameters.equals("ignore"));
    }
}
