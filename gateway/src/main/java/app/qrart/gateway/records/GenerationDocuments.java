package app.qrart.gateway.records;

import app.qrart.engine.analysis.ModuleMap;
import app.qrart.engine.gate.ScanReport;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.Parameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/** Maps generations to their stored {@link GenerationRecord} and back, as JSON text or a document map. */
final class GenerationDocuments {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

    private final ObjectMapper mapper;

    GenerationDocuments(ObjectMapper mapper) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    String json(Generation generation) {
        try {
            return mapper.writeValueAsString(record(generation));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Generation fromJson(String json) {
        try {
            return generation(mapper.readValue(json, GenerationRecord.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> document(Generation generation) {
        return mapper.convertValue(record(generation), TREE);
    }

    Generation fromDocument(Map<String, Object> document) {
        return generation(mapper.convertValue(document, GenerationRecord.class));
    }

    private GenerationRecord record(Generation g) {
        GenerationRecord.ParametersRecord parameters = GenerationRecord.ParametersRecord.of(g.parameters());
        Map<String, Object> report = tree(g.scanReport());
        return new GenerationRecord(
                GenerationRecord.SCHEMA_VERSION,
                g.id(),
                g.kind().apiName(),
                g.status(),
                g.progress(),
                g.message(),
                g.content(),
                g.shortUrl(),
                parameters,
                g.imageKey(),
                report,
                tree(g.moduleMap()),
                g.error(),
                g.modelServerRetries(),
                g.createdAt(),
                g.updatedAt());
    }

    private Map<String, Object> tree(Object value) {
        return value == null ? null : mapper.convertValue(value, TREE);
    }

    private Generation generation(GenerationRecord r) {
        Parameters parameters = r.parameters().toParameters();
        ScanReport report = r.scanReport() == null ? null : mapper.convertValue(r.scanReport(), ScanReport.class);
        ModuleMap map = r.moduleMap() == null ? null : mapper.convertValue(r.moduleMap(), ModuleMap.class);
        return new Generation(
                r.id(),
                r.kind() == null
                        ? JobKind.GENERATED
                        : JobKind.fromApiName(r.kind()).orElse(JobKind.GENERATED),
                r.status(),
                r.progress(),
                r.message(),
                r.content(),
                r.shortUrl(),
                parameters,
                null,
                null,
                null,
                r.imageKey(),
                report,
                map,
                r.error(),
                r.modelServerRetries(),
                r.createdAt(),
                r.updatedAt(),
                null);
    }
}
