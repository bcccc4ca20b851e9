package app.qrart.gateway.generation;

/** Every parameter a generation used, recorded so a client can reuse it. */
public record Parameters(
        String prompt,
        String negativePrompt,
        double strength,
        double controlnetScale,
        double guidanceScale,
        int steps,
        long seed,
        int size,
        int candidates) {}
