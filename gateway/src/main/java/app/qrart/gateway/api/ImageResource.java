package app.qrart.gateway.api;

import app.qrart.gateway.storage.ImageStore;
import app.qrart.gateway.storage.LocalImageStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** Serves images of the local store under a stable URL (GCS serves its own). */
@Path("/api/v1/images")
public class ImageResource {

    private final ImageStore store;

    public ImageResource(ImageStore store) {
        this.store = store;
    }

    @GET
    @Path("/{key}")
    @Produces("image/png")
    public Response get(@PathParam("key") String key) {
        byte[] png = LocalImageStore.safeKey(key) ? store.get(key) : null;
        if (png == null) {
            throw ApiException.notFound("no image with that name");
        }
        return Response.ok(png)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .build();
    }
}
