package app.qrart.gateway.job;

/** No generation has the id asked for (or the id could not be one). */
public class GenerationNotFoundException extends RuntimeException {
    public GenerationNotFoundException() {
        super("no generation with that id");
    }
}
