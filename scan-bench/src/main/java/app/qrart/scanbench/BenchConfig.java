package app.qrart.scanbench;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The gateway's config mappings outside Quarkus: each property's {@code @WithDefault} value,
 * overridden by its QRART_* environment variable (qrart.scan.max-pixels-changed ->
 * QRART_SCAN_MAX_PIXELS_CHANGED) or a system property, as in the running gateway.
 */
final class BenchConfig {

    private BenchConfig() {}

    static <T> T of(Class<T> mapping) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withMapping(mapping)
                .build();
        return config.getConfigMapping(mapping);
    }
}
