package app.qrart.gateway.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum GenerationStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == DONE || this == FAILED;
    }
}
