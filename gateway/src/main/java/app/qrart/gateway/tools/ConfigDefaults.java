package app.qrart.gateway.tools;

import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A config mapping interface answered from its own @WithDefault values, overridable by the
 * QRART_* environment variable of each property (qrart.scan.max-pixels-changed ->
 * QRART_SCAN_MAX_PIXELS_CHANGED). For command-line tools that run outside Quarkus, where the
 * mapping implementations generated at build time are not available.
 */
final class ConfigDefaults {

    private ConfigDefaults() {}

    static <T> T of(Class<T> mapping, String prefix) {
        Object proxy = Proxy.newProxyInstance(
                mapping.getClassLoader(), new Class<?>[] {mapping}, (self, method, args) -> value(method, prefix));
        return mapping.cast(proxy);
    }

    private static Object value(Method method, String prefix) {
        String property = prefix + "."
                + method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        String env = System.getenv(
                property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        WithDefault fallback = method.getAnnotation(WithDefault.class);
        String raw = env != null ? env : fallback == null ? null : fallback.value();
        if (raw == null) {
            throw new IllegalStateException(property + " has no default; set it in the environment");
        }
        Class<?> type = method.getReturnType();
        if (type == int.class) {
            return Integer.parseInt(raw);
        }
        if (type == double.class) {
            return Double.parseDouble(raw);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(raw);
        }
        if (type == List.class) {
            // Only lists of numbers are used by the tools' mappings.
            return Arrays.stream(raw.split(","))
                    .map(String::trim)
                    .map(Double::valueOf)
                    .toList();
        }
        return raw;
    }
}
