package app.qrart.gateway.inference;

/** TorchServe's own 507 "Worker died.": its worker process ended during the batch; TorchServe restarts it. */
public class WorkerDiedException extends ModelServerOutageException {
    public WorkerDiedException(String detail) {
        super("the model server's worker stopped while it ran this generation", detail);
    }
}
