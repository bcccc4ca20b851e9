package app.qrart.gateway.engine;

import app.qrart.engine.analysis.ModuleKind;
import app.qrart.engine.gate.ScanStrength;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The engine's named values in the OpenAPI document by their API names, as {@link EngineJson} writes them. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class EngineSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        enumerate(schemas.get("ScanStrength"), ScanStrength.apiNames());
        enumerate(
                schemas.get("ModuleKind"),
                Arrays.stream(ModuleKind.values()).map(ModuleKind::apiName).toList());
    }

    private static void enumerate(Schema schema, List<String> names) {
        if (schema != null) {
            schema.setEnumeration(List.copyOf(names));
        }
    }
}
