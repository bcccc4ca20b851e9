package app.qrart.gateway.inference;

/** CDI event: TorchServe stayed busy through every retry of one request. */
public record ModelServerOverloaded() {}
