package app.qrart.gateway.api;

import app.qrart.gateway.auth.AdminAccess;
import app.qrart.gateway.auth.ApiKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Key administration, behind its own secret (qrart.auth.admin-secret); tools/api_keys.py calls it. */
@Path("/api/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
public class AdminKeyResource {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final AdminAccess admin;

    public AdminKeyResource(ApiKeys keys, AdminAccess admin) {
        this.keys = keys;
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key; the key is in this answer only")
    public Response create(ApiKeys.NewKey request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(secret(authorization));
        ApiKeys.CreatedKey created =
                keys.create(request == null ? new ApiKeys.NewKey(null, null, null, null) : request);
        return Response.status(201)
                .entity(KeyView.created(created.record(), created.key()))
                .build();
    }

    @GET
    @Operation(summary = "Every API key (without its secret)")
    public List<KeyView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(secret(authorization));
        return keys.list().stream().map(KeyView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key; it is refused from then on")
    public KeyView revoke(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(secret(authorization));
        return KeyView.of(keys.revoke(id));
    }

    /** The admin secret of an {@code Authorization: Bearer} header, or null. */
    static String secret(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : null;
    }
}
