package app.qrart.gateway.api;

import app.qrart.gateway.admission.Allowance;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/**
 * X-RateLimit-Limit / -Remaining / -Reset (seconds) describe the tightest of the caller's limits,
 * or the one that refused; X-RateLimit-Policy lists them all as {@code limit;w=window seconds}.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {}

    /** Adds the headers; {@code allowances} tightest first. */
    static Response.ResponseBuilder add(Response.ResponseBuilder reply, List<Allowance> allowances) {
        if (allowances.isEmpty()) {
            return reply;
        }
        Allowance binding = allowances.get(0);
        return reply.header("X-RateLimit-Limit", binding.limit())
                .header("X-RateLimit-Remaining", binding.remaining())
                .header("X-RateLimit-Reset", binding.resetSeconds())
                .header(
                        "X-RateLimit-Policy",
                        allowances.stream()
                                .map(a -> a.limit() + ";w=" + a.windowSeconds())
                                .collect(Collectors.joining(", ")));
    }
}
