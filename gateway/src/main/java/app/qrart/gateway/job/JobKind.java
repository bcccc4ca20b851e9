package app.qrart.gateway.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a job makes: art from a prompt, the user's own picture as a code, or a repaired code. */
public enum JobKind {
    GENERATED,
    PICTURE,
    REPAIR;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the job starts from a picture the user uploaded (kept in the image store). */
    public boolean fromUpload() {
        return this != GENERATED;
    }

    public static Optional<JobKind> fromApiName(String name) {
        return Arrays.stream(values()).filter(k -> k.apiName().equals(name)).findFirst();
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(JobKind::apiName).toList();
    }
}
