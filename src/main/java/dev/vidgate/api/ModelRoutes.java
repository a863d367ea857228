package dev.vidgate.api;

import dev.vidgate.billing.Billing;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.tenancy.TenancyErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/models} and {@code /v1/models/{id}} in OpenAI's shape, and {@code GET /v1/videos/models} (ours): the
 * models of the catalog the caller's key may use.
 */
@RestController
final class ModelRoutes {
    private final ModelCatalog catalog;
    private final Billing billing;

    ModelRoutes(ModelCatalog catalog, Billing billing) {
        this.catalog = catalog;
        this.billing = billing;
    }

    /** Every model and every alias, as OpenAI lists dated snapshots beside their model. */
    @GetMapping({"/v1/models", "/openai/v1/models"})
    ModelJson.Page<ModelJson.Model> list(HttpServletRequest request) {
        List<ModelJson.Model> data = new ArrayList<>();
        for (ModelSpec m : usable(Authentication.principal(request))) {
            data.add(ModelJson.Model.of(m.name(), m));
            m.aliases().forEach(alias -> data.add(ModelJson.Model.of(alias, m)));
        }
        return ModelJson.Page.of(data);
    }

    @GetMapping({"/v1/models/{id}", "/openai/v1/models/{id}"})
    ModelJson.Model retrieve(@PathVariable String id, HttpServletRequest request) {
        Principal who = Authentication.principal(request);
        return catalog.find(id).filter(m -> who.mayUse(m.name())).map(m -> ModelJson.Model.of(id, m))
                .orElseThrow(() -> new ApiException(404, "invalid_request_error", "The model '" + TenancyErrors.clip(id)
                        + "' does not exist", "model", "model_not_found", null));
    }

    @GetMapping({"/v1/videos/models", "/openai/v1/videos/models"})
    ModelJson.Page<ModelJson.VideoModel> videoModels(HttpServletRequest request) {
        var prices = billing.prices();
        return ModelJson.Page.of(usable(Authentication.principal(request)).stream()
                .map(m -> ModelJson.VideoModel.of(m, prices)).toList());
    }

    private List<ModelSpec> usable(Principal who) {
        return catalog.models().stream().filter(m -> who.mayUse(m.name())).toList();
    }
}
