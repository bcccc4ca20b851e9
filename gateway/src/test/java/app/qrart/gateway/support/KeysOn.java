package app.qrart.gateway.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of a gateway that takes API keys, for the key tests on either record store: keys
 * required, a known admin secret, cookies over plain HTTP, and a log file with the HTTP access
 * log and the gateway's debug lines, which the tests search for keys.
 */
public final class KeysOn {

    public static final String ADMIN_SECRET = "admin-secret-for-tests-0123456789";
    /**
     * The log file an integration-test launcher names for the packaged app and reads for its port
     * (another path leaves it unable to tell that the app started); the JVM tests write it too.
     */
    public static final String LOG_FILE =
            Path.of("target", "quarkus.log").toAbsolutePath().toString();

    private KeysOn() {}

    public static Map<String, String> with(Map<String, String> initArgs) {
        Map<String, String> all = new HashMap<>(initArgs);
        all.put("qrart.auth.mode", "api-key");
        all.put("qrart.auth.admin-secret", ADMIN_SECRET);
        all.put("qrart.auth.session.secure-cookie", "false");
        all.put("quarkus.log.file.enabled", "true");
        all.put("quarkus.log.file.path", LOG_FILE);
        all.put("quarkus.log.category.\"app.qrart\".level", "DEBUG");
        all.put("quarkus.http.access-log.enabled", "true");
        return all;
    }

    /** A fake TorchServe and the embedded record store. */
    public static class Embedded extends FakeTorchServe {
        @Override
        public void init(Map<String, String> initArgs) {
            super.init(with(initArgs));
        }
    }

    /** A fake TorchServe, the GCS emulator and the Firestore emulator. */
    public static class OnFirestore extends CloudEmulators {
        @Override
        public void init(Map<String, String> initArgs) {
            super.init(with(initArgs));
        }
    }
}
