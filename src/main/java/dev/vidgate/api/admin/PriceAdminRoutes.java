package dev.vidgate.api.admin;

import dev.vidgate.api.admin.AdminJson.ListJson;
import dev.vidgate.api.admin.AdminJson.PriceJson;
import dev.vidgate.billing.Billing;
import dev.vidgate.billing.PriceChange;
import dev.vidgate.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;

/** {@code /admin/v1/prices}: the price book by model and resolution tier, each in its unit with its audio surcharge, in micro-credits. */
@RestController
@RequestMapping("/admin/v1/prices")
final class PriceAdminRoutes {
    private final Billing billing;
    private final AdminRequests requests;

    PriceAdminRoutes(Billing billing, AdminRequests requests) {
        this.billing = billing;
        this.requests = requests;
    }

    @GetMapping
    ListJson<PriceJson> list() {
        return ListJson.of(billing.prices().stream().map(PriceJson::of).toList());
    }

    /**
     * {@code {"model", "resolution" (720p, 1080p, 4k or a size), "price" (or its old name "price_per_second"),
     * "price_unit"?, "audio_surcharge"?}}; a unit or surcharge left out stays as it is, {@code "audio_surcharge": null}
     * removes the surcharge. Applies to new jobs at once.
     */
    @PostMapping
    PriceJson set(HttpServletRequest request) throws IOException {
        JsonNode body = requests.body(request);
        String priceField = body.has("price") || !body.has("price_per_second") ? "price" : "price_per_second";
        return PriceJson.of(billing.setPrice(new PriceChange(AdminRequests.requiredText(body, "model"),
                AdminRequests.requiredText(body, "resolution"), AdminRequests.text(body, "price_unit"), priceField,
                AdminRequests.requiredAmount(body, priceField), AdminRequests.amount(body, "audio_surcharge"))));
    }

    /** Removes the operator's price; the configured default applies again (answered, or 404 when there is none). */
    @DeleteMapping("/{model}/{resolution}")
    PriceJson reset(@PathVariable String model, @PathVariable String resolution) {
        return billing.resetPrice(model, resolution).map(PriceJson::of).orElseThrow(() -> ApiException.notFound(
                "Model " + ApiException.echo(model, 64) + " at " + ApiException.echo(resolution, 20)
                        + " has no default price; it is now unpriced.", "resolution"));
    }
}
