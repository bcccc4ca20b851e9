package app.qrart.gateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Admission settings for test resources: suites submit many generations from one address, and a
 * TorchServe 503 test must not close the door on the tests after it. The admission test sets its
 * own values through the resource's init args.
 */
public final class TestAdmission {

    private TestAdmission() {
    }

    public static Map<String, String> with(Map<String, String> properties, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("qrart.admission.per-client-per-minute", "100000");
        all.put("qrart.admission.per-client-burst", "100000");
        all.put("qrart.admission.overload-cooldown", "PT0S");
        all.put("qrart.admission.client-ip-header", "X-Forwarded-For");
        all.putAll(overrides);
        return all;
    }
}
