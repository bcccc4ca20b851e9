package app.qrart.gateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Every property some test resource changes, set to its test default by every resource:
 * integration-test runs keep earlier resources' properties in the JVM, so a key one resource sets
 * must be set by all. Suites submit many generations from one address, and a TorchServe 503 test
 * must not close the door on the tests after it, hence generous admission.
 */
public final class TestDefaults {

    private TestDefaults() {}

    public static Map<String, String> with(Map<String, String> properties, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("qrart.admission.per-client-per-minute", "100000");
        all.put("qrart.admission.per-client-burst", "100000");
        all.put("qrart.admission.overload-cooldown", "PT0S");
        all.put("qrart.admission.client-ip-header", "X-Forwarded-For");
        all.put("qrart.scan.repair", "true");
        all.put("qrart.scan.retry-rounds", "2");
        all.put("qrart.scan.retry-controlnet-step", "0.3");
        all.put("qrart.storage.images", "local");
        all.put("qrart.storage.records", "embedded");
        all.put("qrart.generation.recovery-interval", "PT30S");
        all.put("qrart.generation.stranded-after", "PT10M");
        all.put("qrart.inference.endpoints", "");
        all.put("qrart.inference.endpoint-key-files", "");
        all.put("qrart.inference.health-interval", "PT5S");
        all.putAll(overrides);
        return all;
    }
}
