package app.qrart.gateway.inference;

/**
 * TorchServe refused the gateway's inference token: a configuration error of the deployment
 * (TorchServe 0.12 answers 400 "Token Authorization failed", older versions 401 or 403).
 */
public class TokenRejectedException extends InferenceException {
    public TokenRejectedException(String detail) {
        super("the service is misconfigured: the model server refused the gateway's token", detail);
    }
}
