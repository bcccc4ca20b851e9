package app.qrart.gateway.api;

/** A failure with its HTTP status and, for bad input, the offending field. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;
    private final Integer retryAfterSeconds;

    public ApiException(int status, String message, String field, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(400, message, field, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, null, null);
    }

    public static ApiException tooMany(String message, int retryAfterSeconds) {
        return new ApiException(429, message, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
