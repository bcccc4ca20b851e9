package app.qrart.gateway.api;

import app.qrart.gateway.inference.InferenceService;
import app.qrart.gateway.records.GenerationRepository;
import app.qrart.gateway.storage.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means: TorchServe has the model READY, and both stores answer. */
@Readiness
@ApplicationScoped
public class ReadinessChecks implements HealthCheck {

    private final InferenceService inference;
    private final ImageStore images;
    private final GenerationRepository records;

    public ReadinessChecks(InferenceService inference, ImageStore images, GenerationRepository records) {
        this.inference = inference;
        this.images = images;
        this.records = records;
    }

    @Override
    public HealthCheckResponse call() {
        boolean model = inference.modelReady();
        boolean imageStore = images.reachable();
        boolean recordStore = records.reachable();
        return HealthCheckResponse.named("qrart")
                .withData("torchserveModelReady", model)
                .withData("imageStoreReachable", imageStore)
                .withData("recordStoreReachable", recordStore)
                .status(model && imageStore && recordStore)
                .build();
    }
}
