package app.qrart.gateway.support;

import app.qrart.gateway.config.AdmissionConfig;
import app.qrart.gateway.config.AuthConfig;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.config.InferenceConfig;
import app.qrart.gateway.config.ReplicaConfig;
import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.config.StorageConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/**
 * Config mappings for unit tests that run without Quarkus: each property takes its
 * {@code @WithDefault} value unless the test overrides it, so no test retypes a default.
 */
public final class Configs {

    /** Every gateway mapping with nothing but its defaults, built once. */
    private static final SmallRyeConfig DEFAULTS = new SmallRyeConfigBuilder()
            .withMapping(AdmissionConfig.class)
            .withMapping(AuthConfig.class)
            .withMapping(GenerationConfig.class)
            .withMapping(InferenceConfig.class)
            .withMapping(ReplicaConfig.class)
            .withMapping(ScanConfig.class)
            .withMapping(StorageConfig.class)
            .build();

    private Configs() {}

    public static <T> T of(Class<T> mapping, Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(mapping)
                .withSources(new PropertiesConfigSource(overrides, "test overrides", 500))
                .build();
        return config.getConfigMapping(mapping);
    }

    /** The {@code @WithDefault} value of one gateway property, as the gateway's mappings declare it. */
    public static String defaultValue(String property) {
        String value = DEFAULTS.getConfigValue(property).getValue();
        if (value == null) {
            throw new IllegalArgumentException(property + " has no default");
        }
        return value;
    }
}
