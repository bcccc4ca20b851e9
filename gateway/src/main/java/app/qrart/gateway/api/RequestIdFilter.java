package app.qrart.gateway.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request gets an id (a sane incoming X-Request-Id is kept), logged through the MDC and
 * echoed in the response, so a client's report can be matched to the gateway's logs. Response
 * headers also carry the security settings a JSON/PNG API needs.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @ServerRequestFilter(preMatching = true)
    public void assignId(ContainerRequestContext request) {
        String incoming = request.getHeaderString(HEADER);
        String id = incoming != null && SANE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        request.setProperty(HEADER, id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void decorate(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        var headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        // The web app's static files get theirs from quarkus.http.filter.webapp (application.properties).
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            // API answers are data, never documents to render.
            headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            headers.putIfAbsent("Cache-Control", java.util.List.of("no-store"));
        }
        MDC.remove("requestId");
    }
}
