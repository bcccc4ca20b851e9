package app.qrart.gateway.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.qrart.engine.gate.ScanStrength;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationStatus;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.Parameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored records are their own versioned documents, read tolerantly whatever the API's view becomes. */
class GenerationDocumentsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final GenerationDocuments documents = new GenerationDocuments(MAPPER);

    @Test
    void aRecordWrittenByThePreviousSchemaStillReads() throws IOException {
        Generation legacy = documents.fromJson(fixture("records/generation-v1.json"));
        assertEquals("legacy00000001", legacy.id());
        assertEquals(GenerationStatus.DONE, legacy.status());
        assertEquals(1234567890123L, legacy.parameters().seed());
        assertEquals("legacy00000001.png", legacy.imageKey());
        assertEquals(0.82, legacy.scanReport().robustness());
        assertEquals(11, legacy.scanReport().analysis().blocks().get(0).correctable());
        assertEquals(Instant.parse("2026-11-28T10:15:30.123Z"), legacy.createdAt());
        assertNull(legacy.imageUrl(), "URLs are made when read, never stored");
    }

    @Test
    void aWrittenRecordReadsBackAsTheSameGeneration() {
        Generation done = sample().done("sample0000001.png", null, Instant.parse("2026-12-01T00:00:05Z"));
        assertEquals(done, documents.fromJson(documents.json(done)));
        assertEquals(done, documents.fromDocument(documents.document(done)));
        assertEquals(GenerationRecord.SCHEMA_VERSION, documents.document(done).get("schemaVersion"));
    }

    @Test
    void fieldsTheApiViewRenamesOrDropsDoNotMakeARecordUnreadable() throws IOException {
        String renamed = fixture("records/generation-v1.json")
                .replace("\"robustness\":0.82", "\"relativeRobustness\":0.82")
                .replace("\"ssim\":1.0", "\"ssim\":1.0,\"aFieldOfTomorrow\":{\"x\":1}");
        Generation read = documents.fromJson(renamed);
        assertEquals(0.0, read.scanReport().robustness());
        assertEquals(1.0, read.scanReport().ssim());
    }

    @Test
    void theStorageKeyStaysOutOfTheApiView() {
        Generation done = sample().done("sample0000001.png", null, Instant.parse("2026-12-01T00:00:05Z"));
        Map<?, ?> view = MAPPER.convertValue(done, Map.class);
        assertFalse(view.containsKey("imageKey"), view.toString());
        assertEquals("sample0000001.png", documents.document(done).get("imageKey"));
    }

    private static Generation sample() {
        Parameters p = new Parameters(
                "a fox", "", 0.9, 1.3, 7.5, 30, 42, 512, 1, false, 0.0, 0.8, ScanStrength.ARTISTIC, "M", null);
        return Generation.queued(
                "sample0000001",
                JobKind.GENERATED,
                "https://example.com/fox",
                p,
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = GenerationDocumentsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
