package app.qrart.gateway.api;

import app.qrart.gateway.auth.ApiKey;
import app.qrart.gateway.auth.FeatureOffException;
import app.qrart.gateway.auth.SessionTokens;
import app.qrart.gateway.config.AuthConfig;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The web app's sign-in: a call made with a key (Bearer) opens a session cookie (HttpOnly,
 * SameSite=Strict, HTTPS only unless configured otherwise) that stands for the key until it
 * expires, the key is revoked, or the browser signs out.
 */
@Path("/api/v1/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionTokens sessions;
    private final CallerContext caller;
    private final AuthConfig config;

    public SessionResource(SessionTokens sessions, CallerContext caller, AuthConfig config) {
        this.sessions = sessions;
        this.caller = caller;
        this.config = config;
    }

    /** Who is signed in. */
    public record SessionView(String keyId, String name) {}

    @POST
    @Operation(summary = "Sign in with the key in the Authorization header: sets the session cookie")
    public Response signIn() {
        ApiKey key = signedIn();
        return Response.ok(new SessionView(key.id(), key.name()))
                .cookie(cookie(sessions.issue(key, Instant.now()), (int)
                        config.session().ttl().toSeconds()))
                .build();
    }

    @GET
    @Operation(summary = "The key this session or Authorization header stands for")
    public SessionView get() {
        ApiKey key = signedIn();
        return new SessionView(key.id(), key.name());
    }

    @DELETE
    @Operation(summary = "Sign out: the session cookie is cleared")
    public Response signOut() {
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private ApiKey signedIn() {
        if (caller.key() == null) {
            throw new FeatureOffException("API keys are off on this gateway (qrart.auth.mode=none)");
        }
        return caller.key();
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(ApiKeyFilter.SESSION_COOKIE)
                .value(value)
                .path("/api/v1")
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure(config.session().secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
