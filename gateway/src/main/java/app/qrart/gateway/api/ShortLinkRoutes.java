package app.qrart.gateway.api;

import app.qrart.engine.encode.LinkCodes;
import app.qrart.gateway.admission.ClientAddress;
import app.qrart.gateway.config.AdmissionConfig;
import app.qrart.gateway.links.LinkResolver;
import app.qrart.gateway.links.ScanCounter;
import app.qrart.gateway.links.ShortLinks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The short links' redirects, on the event loop: GET and HEAD on the base URL's path (as printed,
 * and in lower case for readers that lower-case what they show) answer 302 to the destination,
 * or a small HTML page: 404 unknown, 410 switched off, 429 too many unknown codes from one
 * address. A GET by a person (not a link-preview bot) counts a scan; nothing here waits for a
 * store write, and a store read happens only when the cache has no answer.
 */
@ApplicationScoped
public class ShortLinkRoutes {

    private static final Logger LOG = Logger.getLogger(ShortLinkRoutes.class);
    private static final int MISS_RETRY_AFTER_SECONDS = 60;

    private final ShortLinks links;
    private final LinkResolver resolver;
    private final ScanCounter scans;
    private final AdmissionConfig admission;
    /** One counter per outcome, made once: a redirect does not look its meter up. */
    private final Map<String, Counter> outcomes = new HashMap<>();

    public ShortLinkRoutes(
            ShortLinks links,
            LinkResolver resolver,
            ScanCounter scans,
            AdmissionConfig admission,
            MeterRegistry registry) {
        this.links = links;
        this.resolver = resolver;
        this.scans = scans;
        this.admission = admission;
        for (String outcome : List.of("found", "unknown", "disabled", "refused", "unavailable")) {
            outcomes.put(outcome, registry.counter("qrart.links.redirects", "outcome", outcome));
        }
    }

    void register(@Observes Router router) {
        links.codes().ifPresent(codes -> {
            Set<String> paths = new LinkedHashSet<>();
            paths.add(codes.path());
            paths.add(codes.path().toLowerCase(Locale.ROOT));
            boolean ownPath = !codes.path().equals("/");
            for (String path : paths) {
                for (HttpMethod method : Set.of(HttpMethod.GET, HttpMethod.HEAD)) {
                    router.route(method, path + ":code").handler(ctx -> answer(ctx, ownPath));
                }
            }
        });
    }

    private void answer(RoutingContext ctx, boolean ownPath) {
        String given = ctx.pathParam("code");
        if (!ownPath && LinkCodes.normalise(given).isEmpty()) {
            // A base at the root shares it with the web app: what cannot be a code is not ours.
            ctx.next();
            return;
        }
        var cached = resolver.cached(given);
        if (cached.isPresent()) {
            respond(ctx, given, cached.get());
            return;
        }
        ctx.vertx().executeBlocking(() -> resolver.resolve(given), false).onComplete(result -> {
            if (result.succeeded()) {
                respond(ctx, given, result.result());
            } else {
                LOG.warnf("short link lookup failed: %s", result.cause().getMessage());
                ctx.response().putHeader("Retry-After", "5");
                finish(ctx, "unavailable", 503, "This link cannot be looked up right now; try again shortly.");
            }
        });
    }

    private void respond(RoutingContext ctx, String given, LinkResolver.Target target) {
        switch (target.kind()) {
            case FOUND -> {
                String agent = ctx.request().getHeader(HttpHeaders.USER_AGENT);
                if (ctx.request().method() == HttpMethod.GET && scans.isScan(agent)) {
                    scans.count(given.toUpperCase(Locale.ROOT), agent);
                }
                outcomes.get("found").increment();
                headers(ctx.response())
                        .setStatusCode(302)
                        .putHeader(HttpHeaders.LOCATION, target.location())
                        .end();
            }
            case DISABLED -> finish(ctx, "disabled", 410, "This link was switched off by its owner.");
            case UNKNOWN -> {
                String client = ClientAddress.of(ctx.request(), admission.clientIpHeader());
                if (resolver.allowMiss(client)) {
                    finish(ctx, "unknown", 404, "No link has this code. Check the code you scanned or typed.");
                } else {
                    ctx.response().putHeader("Retry-After", String.valueOf(MISS_RETRY_AFTER_SECONDS));
                    finish(ctx, "refused", 429, "Too many unknown links from your address; try again in a minute.");
                }
            }
        }
    }

    private void finish(RoutingContext ctx, String outcome, int status, String message) {
        outcomes.get(outcome).increment();
        page(ctx, status, title(status), message);
    }

    private static void page(RoutingContext ctx, int status, String title, String message) {
        headers(ctx.response())
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(html(title, message));
    }

    private static HttpServerResponse headers(HttpServerResponse response) {
        return response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader("Referrer-Policy", "no-referrer");
    }

    private static String title(int status) {
        return switch (status) {
            case 404 -> "Link not found";
            case 410 -> "Link switched off";
            case 429 -> "Slow down";
            default -> "Try again shortly";
        };
    }

    private static String html(String title, String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style>"
                + "</head><body><h1>" + title + "</h1><p>" + message + "</p></body></html>";
    }
}
