package app.qrart.gateway.api;

import app.qrart.gateway.generation.GenerationQueries;
import app.qrart.gateway.job.GenerationRepository;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/gallery")
@Produces(MediaType.APPLICATION_JSON)
public class GalleryResource {

    private final GenerationQueries queries;

    public GalleryResource(GenerationQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(
            summary = "Earlier jobs, newest first; `q` filters on the prompt, `kind` on generated | picture | repair;"
                    + " `cursor` pages")
    public GenerationRepository.Page list(
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("24") String limit,
            @QueryParam("q") String query,
            @QueryParam("kind") String kind) {
        return queries.gallery(cursor, QueryParams.integer(limit, "limit"), query, kind);
    }
}
