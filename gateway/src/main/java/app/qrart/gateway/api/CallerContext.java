package app.qrart.gateway.api;

import app.qrart.gateway.auth.ApiKey;
import jakarta.enterprise.context.RequestScoped;

/** The API key the current request authenticated with (none when keys are off). */
@RequestScoped
public class CallerContext {

    private ApiKey key;

    void authenticated(ApiKey key) {
        this.key = key;
    }

    /** The key, or null when the API takes no keys. */
    public ApiKey key() {
        return key;
    }
}
