package app.qrart.gateway.api;

import app.qrart.gateway.admission.Admission;
import app.qrart.gateway.inference.InferenceService;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.storage.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means: TorchServe has the model READY, and both stores answer; the data also says how busy it is. */
@Readiness
@ApplicationScoped
public class ReadinessChecks implements HealthCheck {

    private final InferenceService inference;
    private final ImageStore images;
    private final GenerationRepository records;
    private final Admission admission;

    public ReadinessChecks(
            InferenceService inference, ImageStore images, GenerationRepository records, Admission admission) {
        this.inference = inference;
        this.images = images;
        this.records = records;
        this.admission = admission;
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
                .withData("generationsInFlight", admission.inFlight())
                .status(model && imageStore && recordStore)
                .build();
    }
}
