package app.qrart.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.support.Configs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's request limits lie within the model handler's ({@code handler.limits} of
 * model-archiver/model-config.yaml) and its defaults are the handler's ({@code handler.defaults}),
 * so a request the gateway accepts is never refused by the model server and a field left out means
 * the same on both sides. Limits that differ on purpose are not tied: the seed range (the gateway's
 * fits a JSON number exactly) and the control image's bytes (the gateway sends a PNG it drew itself).
 */
class SharedLimitsTest {

    private static final Path MODEL_CONFIG =
            Path.of(System.getProperty("qrart.repo-root", "..")).resolve("model-archiver/model-config.yaml");

    private static JsonNode limits;
    private static JsonNode defaults;

    @BeforeAll
    static void readHandlerSettings() throws IOException {
        JsonNode handler = new ObjectMapper(new YAMLFactory())
                .readTree(MODEL_CONFIG.toFile())
                .path("handler");
        limits = handler.path("limits");
        defaults = handler.path("defaults");
        assertTrue(limits.isObject() && defaults.isObject(), MODEL_CONFIG + " has handler.limits and handler.defaults");
    }

    @Test
    void everySizeTheGatewayAcceptsTheHandlerAccepts() {
        List<Integer> handlerSizes = new ArrayList<>();
        limits.path("allowed_sizes").forEach(size -> handlerSizes.add(size.asInt()));
        for (String size : gateway("allowed-sizes").split(",")) {
            assertTrue(handlerSizes.contains(Integer.parseInt(size.trim())), size + " not in " + handlerSizes);
        }
    }

    @Test
    void theGatewaysUpperLimitsAreWithinTheHandlers() {
        Map<String, String> gatewayToHandler = Map.of(
                "max-prompt-chars", "max_prompt_chars",
                "max-steps", "max_steps",
                "max-guidance-scale", "max_guidance_scale",
                "max-controlnet-scale", "max_conditioning_scale");
        gatewayToHandler.forEach((gateway, handler) -> assertTrue(
                Double.parseDouble(gateway(gateway)) <= limits.path(handler).asDouble(),
                "qrart.generation." + gateway + " " + gateway(gateway) + " > handler.limits." + handler + " "
                        + limits.path(handler)));
        assertTrue(limits.path("min_steps").asInt() <= 1, "the gateway accepts a single step");
    }

    @Test
    void theGatewaysDefaultsAreTheHandlers() {
        Map<String, String> gatewayToHandler = Map.of(
                "default-strength", "strength",
                "default-controlnet-scale", "controlnet_conditioning_scale",
                "default-guidance-scale", "guidance_scale",
                "default-control-guidance-start", "control_guidance_start",
                "default-control-guidance-end", "control_guidance_end",
                "default-steps", "num_inference_steps",
                "default-size", "width");
        gatewayToHandler.forEach((gateway, handler) -> assertEquals(
                defaults.path(handler).asDouble(),
                Double.parseDouble(gateway(gateway)),
                "qrart.generation." + gateway + " against handler.defaults." + handler));
        assertEquals(defaults.path("width").asInt(), defaults.path("height").asInt(), "square by default");
    }

    private static String gateway(String property) {
        return Configs.defaultValue("qrart.generation." + property);
    }
}
