package dev.vidgate.api.admin;

import dev.vidgate.api.admin.AdminJson.ListJson;
import dev.vidgate.api.admin.AdminJson.PriceJson;
import dev.vidgate.billing.Billing;
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

/** {@code /admin/v1/prices}: the price book, per second by model and resolution, in micro-credits. */
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

    /** {@code {"model", "resolution" (720p, 1024p, 1080p or a size), "price_per_second"}}; applies to new jobs at once. */
    @PostMapping
    PriceJson set(HttpServletRequest request) throws IOException {
        JsonNode body = requests.body(request);
        return PriceJson.of(billing.setPrice(AdminRequests.requiredText(body, "model"), AdminRequests.requiredText(body, "resolution"),
                AdminRequests.requiredAmount(body, "price_per_second")));
    }

    /** Removes the operator's price; the configured default applies again (answered, or 404 when there is none). */
    @DeleteMapping("/{model}/{resolution}")
    PriceJson reset(@PathVariable String model, @PathVariable String resolution) {
        return billing.resetPrice(model, resolution).map(PriceJson::of).orElseThrow(() -> ApiException.notFound(
                "Model " + ApiException.echo(model, 64) + " at " + ApiException.echo(resolution, 20)
                        + " has no default price; it is now unpriced.", "resolution"));
    }
}
