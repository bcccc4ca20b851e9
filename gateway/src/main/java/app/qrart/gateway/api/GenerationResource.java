package app.qrart.gateway.api;

import app.qrart.gateway.admission.Caller;
import app.qrart.gateway.admission.ClientAddress;
import app.qrart.gateway.config.AdmissionConfig;
import app.qrart.gateway.generation.GenerationQueries;
import app.qrart.gateway.generation.GenerationService;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationStatus;
import app.qrart.gateway.validation.GenerationRequest;
import io.micrometer.core.annotation.Timed;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/generations")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationResource {

    private final GenerationService service;
    private final GenerationQueries queries;
    private final AdmissionConfig admission;
    private final CallerContext caller;

    public GenerationResource(
            GenerationService service, GenerationQueries queries, AdmissionConfig admission, CallerContext caller) {
        this.service = service;
        this.queries = queries;
        this.admission = admission;
        this.caller = caller;
    }

    /**
     * Accepted jobs answer 202 with their id and status link; with a short link, its URL and,
     * when no API key owns it, its edit token (shown here only: keep it to change the link).
     */
    public record Accepted(String id, GenerationStatus status, String statusUrl, String shortUrl, String editToken) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed("qrart.generations.submit")
    @Operation(summary = "Start a generation: a QR code for `content`, styled by `prompt`")
    public Response create(GenerationRequest request, @Context HttpServerRequest http) {
        Caller who = new Caller(ClientAddress.of(http, admission.clientIpHeader()), caller.key());
        return accepted(service.submit(request, who)).build();
    }

    /** 202 with the job's id and status link (every kind is read at /api/v1/generations/{id}). */
    static Response.ResponseBuilder accepted(GenerationService.Submission submission) {
        Generation generation = submission.generation();
        String link = "/api/v1/generations/" + generation.id();
        Accepted body =
                new Accepted(generation.id(), generation.status(), link, generation.shortUrl(), submission.editToken());
        Response.ResponseBuilder reply = Response.accepted(body).location(URI.create(link));
        return RateLimitHeaders.add(reply, submission.ticket().allowances());
    }

    @GET
    @Path("/{id}/qr")
    @Produces("image/png")
    @Operation(summary = "The plain QR code behind a generation, at its size, to compare with the art")
    public Response plainQr(@PathParam("id") String id) {
        return Response.ok(queries.plainQrPng(id))
                .header("Cache-Control", "private, max-age=86400")
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Status, progress and, when done, the image, parameters and scan report")
    public Generation get(@PathParam("id") String id, @QueryParam("wait") @DefaultValue("false") String wait) {
        return queries.get(id, QueryParams.bool(wait, "wait"));
    }
}
