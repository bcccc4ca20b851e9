package app.qrart.gateway.api;

import app.qrart.gateway.auth.ApiKeys;
import app.qrart.gateway.auth.FeatureOffException;
import app.qrart.gateway.auth.Usage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private final ApiKeys keys;
    private final CallerContext caller;

    public UsageResource(ApiKeys keys, CallerContext caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The calling key's limits and its generations per UTC day")
    public Usage get() {
        if (caller.key() == null) {
            throw new FeatureOffException("API keys are off on this gateway (qrart.auth.mode=none)");
        }
        return keys.usage(caller.key());
    }
}
