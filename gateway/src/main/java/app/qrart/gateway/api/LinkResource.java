package app.qrart.gateway.api;

import app.qrart.gateway.links.ShortLink;
import app.qrart.gateway.links.ShortLinks;
import app.qrart.gateway.validation.InvalidFieldException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A short link for its owner: proved by the API key that made it, or by its edit token in
 * {@code X-Edit-Token}.
 */
@Path("/api/v1/links/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {

    static final String EDIT_TOKEN = "X-Edit-Token";

    private final ShortLinks links;
    private final CallerContext caller;

    public LinkResource(ShortLinks links, CallerContext caller) {
        this.links = links;
        this.caller = caller;
    }

    /** A change: a new destination, switching the link off or on, or both. */
    public record LinkChange(String destination, Boolean disabled) {}

    /** A new edit token, shown only in this answer. */
    public record EditToken(String editToken) {}

    @GET
    @Operation(summary = "A short link's destination, its changes and its scans per day by platform")
    public LinkView get(@PathParam("code") String code, @HeaderParam(EDIT_TOKEN) String token) {
        return view(links.read(code, proof(token)));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change where a short link leads, or switch it off or on")
    public LinkView change(@PathParam("code") String code, LinkChange change, @HeaderParam(EDIT_TOKEN) String token) {
        if (change == null || (change.destination() == null && change.disabled() == null)) {
            throw new InvalidFieldException("body", "give 'destination', 'disabled' or both");
        }
        return view(links.change(code, change.destination(), change.disabled(), proof(token)));
    }

    @POST
    @Path("/edit-token")
    @Operation(summary = "Replace a short link's edit token; the old one stops working")
    public EditToken rotate(@PathParam("code") String code, @HeaderParam(EDIT_TOKEN) String token) {
        return new EditToken(links.rotateEditToken(code, proof(token)));
    }

    private ShortLinks.Proof proof(String token) {
        String keyId = caller.key() == null ? null : caller.key().id();
        return new ShortLinks.Proof(keyId, token == null || token.isBlank() ? null : token.strip(), false);
    }

    private LinkView view(ShortLink link) {
        return LinkView.of(link, links);
    }
}
