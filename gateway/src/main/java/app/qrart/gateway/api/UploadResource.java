package app.qrart.gateway.api;

import app.qrart.gateway.admission.Caller;
import app.qrart.gateway.admission.ClientAddress;
import app.qrart.gateway.config.AdmissionConfig;
import app.qrart.gateway.generation.GenerationService;
import app.qrart.gateway.generation.PictureJob;
import app.qrart.gateway.generation.PreparedJob;
import app.qrart.gateway.generation.RepairJob;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.annotation.Timed;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Jobs that start from an uploaded picture, answered as generations are (202 and a status link
 * under /api/v1/generations).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    private final PictureJob pictures;
    private final RepairJob repairs;
    private final GenerationService service;
    private final AdmissionConfig admission;
    private final CallerContext caller;
    private final ObjectMapper mapper;

    public UploadResource(
            PictureJob pictures,
            RepairJob repairs,
            GenerationService service,
            AdmissionConfig admission,
            CallerContext caller,
            ObjectMapper mapper) {
        this.pictures = pictures;
        this.repairs = repairs;
        this.service = service;
        this.admission = admission;
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @Path("/pictures")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Timed("qrart.pictures.submit")
    @Operation(summary = "Make your own picture carry `content` as a QR code that every reader reads")
    public Response picture(@BeanParam UploadForm form, @Context HttpServerRequest http) {
        return accept(pictures.prepare(form.toRequest(mapper)), http);
    }

    @POST
    @Path("/repairs")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Timed("qrart.repairs.submit")
    @Operation(summary = "Fix the QR code in a picture so it opens `content` on every reader, changing the least")
    public Response repair(@BeanParam UploadForm form, @Context HttpServerRequest http) {
        return accept(repairs.prepare(form.toRequest(mapper)), http);
    }

    private Response accept(PreparedJob prepared, HttpServerRequest http) {
        Caller who = new Caller(ClientAddress.of(http, admission.clientIpHeader()), caller.key());
        return GenerationResource.accepted(service.submit(prepared, who)).build();
    }
}
