package app.qrart.gateway.inference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** TorchServe's inference API; URL, timeouts and TLS under quarkus.rest-client.torchserve. */
@RegisterRestClient(configKey = "torchserve")
public interface TorchServeClient {

    @POST
    @Path("/predictions/{model}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response predict(
            @PathParam("model") String model,
            @HeaderParam("Authorization") String authorization,
            InferencePayload payload);

    /** "Healthy" only when every model has its minimum of workers READY (token auth applies here too). */
    @GET
    @Path("/ping")
    Response ping(@HeaderParam("Authorization") String authorization);
}
