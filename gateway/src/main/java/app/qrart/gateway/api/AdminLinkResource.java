package app.qrart.gateway.api;

import app.qrart.gateway.auth.AdminAccess;
import app.qrart.gateway.links.ShortLink;
import app.qrart.gateway.links.ShortLinks;
import app.qrart.gateway.validation.InvalidFieldException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Short links for the admin (qrart.auth.admin-secret): switch any off, export all; tools/links.py calls it. */
@Path("/api/v1/admin/links")
public class AdminLinkResource {

    static final String JSON_LINES = "application/x-ndjson";

    private final ShortLinks links;
    private final AdminAccess admin;
    private final ObjectMapper mapper;

    public AdminLinkResource(ShortLinks links, AdminAccess admin, ObjectMapper mapper) {
        this.links = links;
        this.admin = admin;
        this.mapper = mapper;
    }

    /** A link switched off or on by the admin. */
    public record Switch(boolean disabled) {}

    @GET
    @Produces(JSON_LINES)
    @Operation(summary = "Every short link as JSON lines (code, destination, owner, changes), to move them")
    public String export(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(AdminKeyResource.secret(authorization));
        return links.all().stream().map(this::line).collect(Collectors.joining());
    }

    @PATCH
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch any short link off (abuse) or on again")
    public LinkView change(
            @PathParam("code") String code,
            Switch change,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(AdminKeyResource.secret(authorization));
        if (change == null) {
            throw new InvalidFieldException("disabled", "'disabled' is required");
        }
        ShortLinks.Proof asAdmin = new ShortLinks.Proof(null, null, true);
        return LinkView.of(links.switchOff(code, change.disabled(), asAdmin), links);
    }

    private String line(ShortLink link) {
        try {
            return mapper.writeValueAsString(link) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
