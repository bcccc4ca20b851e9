package app.qrart.gateway;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Identifies the service; the generation API arrives with the gateway issue. */
@Path("/api/v1/info")
public class InfoResource {

    /** Service name and API version, for clients and smoke checks. */
    public record Info(String service, String apiVersion) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Info info() {
        return new Info("qr-art-gateway", "v1");
    }
}
