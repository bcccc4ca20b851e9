package app.qrart.gateway.support;

import app.qrart.engine.gate.ScanPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every property some test resource changes, set by every resource (to its default, or to the
 * value the tests run with):
 * integration-test runs keep earlier resources' properties in the JVM, so a key one resource sets
 * must be set by all. Suites submit many generations from one address, and a TorchServe 503 test
 * must not close the door on the tests after it, hence generous admission.
 */
public final class TestDefaults {

    /** Keys some resource changes, put back to their {@code @WithDefault} value by every other. */
    private static final List<String> RESET_TO_DEFAULT = List.of(
            "qrart.auth.mode",
            "qrart.auth.session.secure-cookie",
            "qrart.scan.retry-rounds",
            "qrart.scan.retry-controlnet-step",
            "qrart.storage.images",
            "qrart.storage.records",
            "qrart.replica.poll-interval",
            "qrart.replica.lease-duration",
            "qrart.replica.heartbeat-interval",
            "qrart.inference.health-interval",
            "qrart.inference.outage-grace",
            "qrart.inference.outage-retry-pause");

    /**
     * Short links on, as {@code make run} has them, with a short cache and flush so tests see
     * edits and counts within a second or two, a denied host and a small allowance of misses.
     */
    public static final Map<String, String> SHORT_LINKS = Map.of(
            "qrart.links.enabled", "true",
            "qrart.links.base-url", "HTTP://LOCALHOST:8080/S/",
            "qrart.links.cache-ttl", "PT1S",
            "qrart.links.flush-interval", "PT0.5S",
            "qrart.links.denied-hosts", "phish.example",
            "qrart.links.max-misses-per-minute", "5",
            "qrart.links.max-edits-per-day", "6");

    private TestDefaults() {}

    public static Map<String, String> with(Map<String, String> properties, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("qrart.admission.per-client-per-minute", "100000");
        all.put("qrart.admission.per-client-burst", "100000");
        all.put("qrart.admission.overload-cooldown", "PT0S");
        all.put("qrart.admission.client-ip-header", "X-Forwarded-For");
        for (String key : RESET_TO_DEFAULT) {
            all.put(key, Configs.defaultValue(key));
        }
        all.put("qrart.scan.repair", String.valueOf(ScanPolicy.DEFAULTS.repair()));
        all.put("qrart.auth.admin-secret", "");
        all.put("quarkus.http.access-log.enabled", "false");
        // No load balancer to wait for: a stopped test gateway drains at once.
        all.put("quarkus.shutdown.delay", "0s");
        all.put("quarkus.log.category.\"app.qrart\".level", "INFO");
        all.put("qrart.inference.endpoints", "");
        all.put("qrart.inference.endpoint-key-files", "");
        all.putAll(SHORT_LINKS);
        all.putAll(overrides);
        return all;
    }
}
