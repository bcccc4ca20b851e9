package app.qrart.gateway.admission;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/** Which client a request comes from, for per-client limits. */
public final class ClientAddress {

    private ClientAddress() {}

    /** The first address of the trusted proxy header when configured and present, else the peer's address. */
    public static String of(HttpServerRequest request, Optional<String> trustedHeader) {
        if (trustedHeader.isPresent()) {
            String forwarded = request.getHeader(trustedHeader.get());
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",", 2)[0].trim();
                if (!first.isEmpty() && first.length() <= 64) {
                    return first;
                }
            }
        }
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }
}
