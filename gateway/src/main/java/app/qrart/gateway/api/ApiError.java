package app.qrart.gateway.api;

/** The body of every 4xx/5xx the gateway answers itself. */
public record ApiError(int status, String error, String field) {}
