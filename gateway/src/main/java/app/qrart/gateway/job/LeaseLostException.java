package app.qrart.gateway.job;

/** A write refused because the writer no longer holds the job's lease (another replica took it, or the job ended). */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String id, Lease held) {
        super("job " + id + ": lease " + held.owner() + "#" + held.epoch() + " is no longer held");
    }
}
