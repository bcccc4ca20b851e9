package app.qrart.gateway.api;

import app.qrart.gateway.admission.Admission;
import app.qrart.gateway.generation.GenerationService;
import app.qrart.gateway.inference.InferenceService;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.storage.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: not draining for a shutdown, TorchServe has the model READY, and both stores
 * answer; the data also says how busy it is.
 */
@Readiness
@ApplicationScoped
public class ReadinessChecks implements HealthCheck {

    private final InferenceService inference;
    private final ImageStore images;
    private final GenerationRepository records;
    private final Admission admission;
    private final GenerationService generations;

    public ReadinessChecks(
            InferenceService inference,
            ImageStore images,
            GenerationRepository records,
            Admission admission,
            GenerationService generations) {
        this.inference = inference;
        this.images = images;
        this.records = records;
        this.admission = admission;
        this.generations = generations;
    }

    @Override
    public HealthCheckResponse call() {
        boolean model = inference.modelReady();
        boolean imageStore = images.reachable();
        boolean recordStore = records.reachable();
        boolean draining = generations.draining();
        return HealthCheckResponse.named("qrart")
                .withData("torchserveModelReady", model)
                .withData("imageStoreReachable", imageStore)
                .withData("recordStoreReachable", recordStore)
                .withData("generationsInFlight", admission.inFlight())
                .withData("draining", draining)
                .status(!draining && model && imageStore && recordStore)
                .build();
    }
}
