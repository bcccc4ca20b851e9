package app.qrart.gateway.support;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/**
 * Config mappings for unit tests that run without Quarkus: each property takes its
 * {@code @WithDefault} value unless the test overrides it, so no test retypes a default.
 */
public final class Configs {

    private Configs() {}

    public static <T> T of(Class<T> mapping, Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(mapping)
                .withSources(new PropertiesConfigSource(overrides, "test overrides", 500))
                .build();
        return config.getConfigMapping(mapping);
    }

    /** The QR settings with another version cap. */
    public static QrConfig qr(int maxVersion) {
        return of(QrConfig.class, Map.of("qrart.qr.max-version", String.valueOf(maxVersion)));
    }

    /** The scan settings with another footprint cap for repairs. */
    public static ScanConfig scan(double maxPixelsChanged) {
        return of(ScanConfig.class, Map.of("qrart.scan.max-pixels-changed", String.valueOf(maxPixelsChanged)));
    }
}
