package app.qrart.gateway.api;

import app.qrart.gateway.config.UploadConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * JSON bodies stay small although the HTTP server takes picture uploads: a JSON body over
 * {@code qrart.uploads.max-json-bytes} is refused with 413 before it is parsed.
 */
@Provider
public class JsonBodyLimit implements ReaderInterceptor {

    /** Looked up per request: providers are made before configuration mappings are ready. */
    private final Instance<UploadConfig> config;

    public JsonBodyLimit(Instance<UploadConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            int limit = config.get().maxJsonBytes();
            byte[] body = context.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                throw new ApiException(413, "request body is over " + limit / 1024 + " KiB", "body", null);
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}
