package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the gateway calls TorchServe (its URL and timeouts are under quarkus.rest-client.torchserve). */
@ConfigMapping(prefix = "qrart.inference")
public interface InferenceConfig {

    /** Model name in TorchServe's /predictions/{model}. */
    @WithDefault("qrart")
    String model();

    /** TorchServe inference key (Bearer token); from the environment or a secret manager, never committed. */
    Optional<String> token();

    /** Path of TorchServe's key_file.json to read the inference key from when no token is set. */
    Optional<String> keyFile();

    /** Attempts for a request TorchServe answers with 503 (queue full). */
    @WithDefault("4")
    int maxAttempts();

    /** First back-off after a 503; doubled on each further attempt. */
    @WithDefault("PT0.5S")
    Duration retryBackoff();

    /**
     * How long a generation waits out a model server that is down, restarting or has lost its
     * worker (connection refused, TorchServe's "Worker died", no worker ready, model not loaded),
     * retrying with the same seed and parameters; past it the job fails.
     */
    @WithDefault("PT180S")
    Duration outageGrace();

    /** Pause between two tries while the model server is out. */
    @WithDefault("PT2S")
    Duration outageRetryPause();

    /**
     * Several TorchServe base URLs to spread generations over (least outstanding requests among the
     * healthy ones). Unset: the single endpoint of quarkus.rest-client.torchserve.url.
     */
    Optional<List<String>> endpoints();

    /** Key files of the endpoints above, in the same order; unset: token / key-file for all of them. */
    Optional<List<String>> endpointKeyFiles();

    /** How often each endpoint's /ping is checked; a failed connection also marks it down at once. */
    @WithDefault("PT5S")
    Duration healthInterval();
}
