package app.qrart.gateway.engine;

import app.qrart.engine.analysis.ModuleKind;
import app.qrart.engine.gate.ScanStrength;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.function.Function;

/**
 * The engine's named values in JSON (the API and stored records, as values and as map keys) by
 * their API names, e.g. {@code "balanced"} and {@code "quiet-zone"}: the engine itself knows no JSON library.
 */
@Singleton
public class EngineJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("qr-engine");
        byApiName(
                module,
                ScanStrength.class,
                ScanStrength::apiName,
                name -> ScanStrength.fromApiName(name)
                        .orElseThrow(() -> new IllegalArgumentException("unknown strength " + name)));
        byApiName(module, ModuleKind.class, ModuleKind::apiName, ModuleKind::fromApiName);
        mapper.registerModule(module);
    }

    private static <T> void byApiName(
            SimpleModule module, Class<T> type, Function<T, String> name, Function<String, T> parse) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(name.apply(value));
            }
        });
        module.addKeySerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeFieldName(name.apply(value));
            }
        });
        module.addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return parse.apply(key);
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
                return parse.apply(json.getValueAsString());
            }
        });
    }
}
