package app.qrart.gateway.api;

import app.qrart.engine.encode.CanvasTooSmallException;
import app.qrart.engine.encode.QrContentException;
import app.qrart.gateway.admission.AdmissionRefusedException;
import app.qrart.gateway.admission.GatewayDrainingException;
import app.qrart.gateway.admission.GatewayFullException;
import app.qrart.gateway.admission.ModelServerOverloadedException;
import app.qrart.gateway.auth.AccessRefusedException;
import app.qrart.gateway.auth.FeatureOffException;
import app.qrart.gateway.auth.InvalidKeyFieldException;
import app.qrart.gateway.auth.KeyNotFoundException;
import app.qrart.gateway.auth.OriginNotAllowedException;
import app.qrart.gateway.auth.RevokedKeyException;
import app.qrart.gateway.job.GenerationNotFoundException;
import app.qrart.gateway.links.InvalidLinkFieldException;
import app.qrart.gateway.links.LinkEditsExhaustedException;
import app.qrart.gateway.links.LinkNotFoundException;
import app.qrart.gateway.links.LinkNotYoursException;
import app.qrart.gateway.links.LinkProofMissingException;
import app.qrart.gateway.picture.PictureRejectedException;
import app.qrart.gateway.storage.RecordStoreException;
import app.qrart.gateway.validation.InvalidFieldException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place domain failures become HTTP: every error becomes an ApiError naming the field
 * where there is one; never a stack trace.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    private static final int STORE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder reply = json(e.status(), e.getMessage(), e.field());
        if (e.retryAfterSeconds() != null) {
            reply.header("Retry-After", e.retryAfterSeconds());
        }
        return reply.build();
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return json(400, e.getMessage(), e.field()).build();
    }

    @ServerExceptionMapper
    public Response invalidLinkField(InvalidLinkFieldException e) {
        return json(400, e.getMessage(), e.field()).build();
    }

    @ServerExceptionMapper
    public Response linkNotFound(LinkNotFoundException e) {
        return json(404, e.getMessage(), "code").build();
    }

    /** A link's owner proves it with the key that made it or the link's edit token. */
    @ServerExceptionMapper
    public Response linkProofMissing(LinkProofMissingException e) {
        return json(401, e.getMessage(), null)
                .header("WWW-Authenticate", "Bearer realm=\"qrart\"")
                .build();
    }

    @ServerExceptionMapper
    public Response linkNotYours(LinkNotYoursException e) {
        return json(403, e.getMessage(), null).build();
    }

    @ServerExceptionMapper
    public Response linkEditsExhausted(LinkEditsExhaustedException e) {
        return json(429, e.getMessage(), null)
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }

    /** Content that cannot become a scannable code is the "content" field's fault, or the "size" field's. */
    @ServerExceptionMapper
    public Response badContent(QrContentException e) {
        return json(400, e.getMessage(), e instanceof CanvasTooSmallException ? "size" : "content")
                .build();
    }

    /** A picture of the wrong kind is 415, too large 413, and one that cannot serve 422. */
    @ServerExceptionMapper
    public Response badPicture(PictureRejectedException e) {
        int status = switch (e.reason()) {
            case NOT_AN_IMAGE, MISLABELLED -> 415;
            case TOO_MANY_BYTES, TOO_MANY_PIXELS -> 413;
            case TOO_SMALL, UNREADABLE, NO_CODE, NOT_MATCHED -> 422;
        };
        return json(status, e.getMessage(), e.field()).build();
    }

    @ServerExceptionMapper
    public Response notFound(GenerationNotFoundException e) {
        return json(404, e.getMessage(), null).build();
    }

    /**
     * Over a limit of the caller (rate, quota): 429 with the limit's headers; the service at
     * capacity (model server overloaded, in-flight bound full): 503. All say when to retry.
     */
    @ServerExceptionMapper
    public Response refused(AdmissionRefusedException e) {
        boolean capacity = e instanceof ModelServerOverloadedException
                || e instanceof GatewayFullException
                || e instanceof GatewayDrainingException;
        Response.ResponseBuilder reply =
                json(capacity ? 503 : 429, e.getMessage(), null).header("Retry-After", e.retryAfterSeconds());
        return RateLimitHeaders.add(reply, e.allowance().stream().toList()).build();
    }

    /** No key, an unknown one, an ended session, a wrong admin secret: 401 and how to authenticate. */
    @ServerExceptionMapper
    public Response unauthenticated(AccessRefusedException e) {
        boolean forbidden = e instanceof RevokedKeyException || e instanceof OriginNotAllowedException;
        Response.ResponseBuilder reply = json(forbidden ? 403 : 401, e.getMessage(), null);
        return forbidden
                ? reply.build()
                : reply.header("WWW-Authenticate", "Bearer realm=\"qrart\"").build();
    }

    @ServerExceptionMapper
    public Response featureOff(FeatureOffException e) {
        return json(404, e.getMessage(), null).build();
    }

    @ServerExceptionMapper
    public Response keyNotFound(KeyNotFoundException e) {
        return json(404, e.getMessage(), "id").build();
    }

    @ServerExceptionMapper
    public Response invalidKeyField(InvalidKeyFieldException e) {
        return json(400, e.getMessage(), e.field()).build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return json(400, "unknown field '" + e.getPropertyName() + "'", e.getPropertyName())
                .build();
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e) {
        return json(400, "request body is not valid JSON", "body").build();
    }

    @ServerExceptionMapper
    public Response badJson(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (field.isEmpty()) {
            return json(400, "request body is not the expected JSON object", "body")
                    .build();
        }
        return json(400, "'" + field + "' has the wrong type", field).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return json(400, "request body is not valid JSON", "body").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return badJson(mapping);
        }
        int status = e.getResponse().getStatus();
        if (status == 400) {
            return json(400, "request body is not valid JSON", "body").build();
        }
        String message = status == 415
                ? "content type must be application/json (multipart/form-data for picture uploads)"
                : e.getMessage();
        return json(status, message, null).build();
    }

    /** A store outage is the service's problem and passes: 503 with when to retry, not a 500. */
    @ServerExceptionMapper
    public Response storeDown(RecordStoreException e) {
        LOG.warnf("record store unavailable: %s", e.getMessage());
        return api(new ApiException(
                503, "the record store is unavailable; retry shortly", null, STORE_RETRY_AFTER_SECONDS));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return json(500, "internal error", null).build();
    }

    private static Response.ResponseBuilder json(int status, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(status, message, field));
    }
}
