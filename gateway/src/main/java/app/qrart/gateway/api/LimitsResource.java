package app.qrart.gateway.api;

import app.qrart.gateway.validation.Limits;
import app.qrart.gateway.validation.RequestValidator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {

    private final RequestValidator validator;

    public LimitsResource(RequestValidator validator) {
        this.validator = validator;
    }

    @GET
    @Operation(summary = "What a generation request may contain and the defaults of its parameters")
    public Limits get() {
        return validator.limits();
    }

    @GET
    @Path("/version")
    @Operation(summary = "The QR version a content needs at a level, and a short link's version for a link")
    public Limits.VersionHint version(
            @QueryParam("content") String content, @QueryParam("errorCorrection") String errorCorrection) {
        return validator.versionHint(content, errorCorrection);
    }
}
