package app.qrart.gateway.api;

import app.qrart.gateway.auth.ApiKey;
import app.qrart.gateway.auth.ApiKeys;
import app.qrart.gateway.auth.MissingKeyException;
import app.qrart.gateway.auth.SessionEndedException;
import app.qrart.gateway.auth.SessionTokens;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With {@code qrart.auth.mode=api-key}, every API call names its key: {@code Authorization:
 * Bearer <key>}, or the session cookie a sign-in with a key set. Left open: images (their URLs
 * are unguessable, like signed GCS URLs), the admin API (its own secret) and signing out.
 */
public class ApiKeyFilter {

    static final String SESSION_COOKIE = "qrart_session";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final SessionTokens sessions;
    private final CallerContext caller;

    public ApiKeyFilter(ApiKeys keys, SessionTokens sessions, CallerContext caller) {
        this.keys = keys;
        this.sessions = sessions;
        this.caller = caller;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        if (!keys.required() || open(request)) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie session = request.getCookies().get(SESSION_COOKIE);
        ApiKey key;
        if (authorization != null) {
            key = keys.authenticate(bearer(authorization), origin);
        } else if (session != null) {
            String keyId = sessions.verify(session.getValue(), Instant.now()).orElseThrow(SessionEndedException::new);
            key = keys.forSession(keyId, origin);
        } else {
            throw new MissingKeyException();
        }
        caller.authenticated(key);
    }

    private static boolean open(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return !path.startsWith("/api/")
                || path.startsWith("/api/v1/images/")
                || path.startsWith("/api/v1/admin/")
                || (path.equals("/api/v1/session") && HttpMethod.DELETE.equals(request.getMethod()));
    }

    private static String bearer(String authorization) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new MissingKeyException();
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
