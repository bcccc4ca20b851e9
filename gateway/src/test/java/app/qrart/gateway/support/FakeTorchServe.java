package app.qrart.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * WireMock on a random port standing in for TorchServe's inference API, with its real error
 * replies chosen by a marker in the prompt: [busy-twice] (503, 503, then an image), [busy]
 * (always 503), [oom] (507), [oom-768] (507 for an image of width 768 only), [slow] (past the read timeout), [lag] (2 s, within it), [refused]
 * (400 from the handler), [died-twice] / [died] (TorchServe's 507 "Worker died." twice / always), [badtoken] (TorchServe's 400 for a wrong token),
 * [window] (an image only when the payload carries the control window 0.2 to 0.8, else the handler's 400).
 */
public class FakeTorchServe implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-inference-key";
    private WireMockServer server;
    private Path dataDir;
    /** TorchServe's own reply when the worker process running the batch ends. */
    static final String WORKER_DIED =
            "{\"code\":507,\"type\":\"InternalServerException\",\"message\":\"Worker died.\"}";

    private Map<String, String> overrides = Map.of();

    /** Init args are config properties that replace the defaults below (e.g. admission limits). */
    @Override
    public void init(Map<String, String> initArgs) {
        overrides = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").extensions(new EchoModelTransformer()));
        server.start();
        stubs();
        try {
            dataDir = Files.createTempDirectory("qrart-gateway-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestDefaults.with(
                Map.of(
                        "quarkus.rest-client.torchserve.url",
                        server.baseUrl(),
                        "quarkus.rest-client.torchserve.read-timeout",
                        "3000",
                        "qrart.inference.token",
                        TOKEN,
                        "qrart.inference.retry-backoff",
                        "PT0.05S",
                        "qrart.storage.local.dir",
                        dataDir.resolve("images").toString(),
                        "qrart.storage.embedded.file",
                        dataDir.resolve("records.mv.db").toString()),
                withShortOutageGrace(overrides));
    }

    /** Outages are waited out for 1 s here, unless the test class asks for something else. */
    private static Map<String, String> withShortOutageGrace(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(
                Map.of("qrart.inference.outage-grace", "PT1S", "qrart.inference.outage-retry-pause", "PT0.2S"));
        all.putAll(overrides);
        return all;
    }

    private void stubs() {
        String predict = "/predictions/qrart";
        server.stubFor(get("/ping").willReturn(aResponse().withStatus(200).withBody("{\"status\": \"Healthy\"}")));
        server.stubFor(post(predict)
                .atPriority(10)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withTransformers(EchoModelTransformer.NAME)));
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(containing("[busy]"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody("{\"code\":503,\"type\":\"ServiceUnavailableException\",\"message\":\"full\"}")));
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(containing("[oom]"))
                .willReturn(aResponse().withStatus(507).withBody("{\"code\":507,\"error\":\"out of memory\"}")));
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(containing("[oom-768]"))
                .withRequestBody(containing("\"width\":768"))
                .willReturn(aResponse().withStatus(507).withBody("{\"code\":507,\"error\":\"out of memory\"}")));
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(containing("[slow]"))
                .willReturn(aResponse().withFixedDelay(6000).withTransformers(EchoModelTransformer.NAME)));
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(containing("[refused]"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"code\":400,\"error\":\"'seed' must be an integer\",\"field\":\"seed\"}")));
        // TorchServe 0.12's own answer to a wrong Bearer token: 400, not 401.
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(containing("[badtoken]"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"code\":400,\"type\":\"InvalidKeyException\",\"message\":\"Token "
                                + "Authorization failed. Token either incorrect, expired, or not provided "
                                + "correctly\"}")));
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(containing("[lag]"))
                .willReturn(aResponse().withFixedDelay(2000).withTransformers(EchoModelTransformer.NAME)));
        var window = matchingJsonPath("$.prompt", containing("[window]"));
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(window)
                .withRequestBody(matchingJsonPath("$.control_guidance_start", equalTo("0.2")))
                .withRequestBody(matchingJsonPath("$.control_guidance_end", equalTo("0.8")))
                .willReturn(aResponse().withTransformers(EchoModelTransformer.NAME)));
        server.stubFor(
                post(predict)
                        .atPriority(2)
                        .withRequestBody(window)
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withBody(
                                                "{\"code\":400,\"error\":\"control window not as sent\",\"field\":\"control_guidance_end\"}")));
        failingTwice(predict, "[busy-twice]", aResponse().withStatus(503));
        failingTwice(predict, "[died-twice]", aResponse().withStatus(507).withBody(WORKER_DIED));
        server.stubFor(post(predict)
                .atPriority(1)
                .withRequestBody(containing("[died]"))
                .willReturn(aResponse().withStatus(507).withBody(WORKER_DIED)));
    }

    /** Answers {@code reply} to the first two requests carrying the tag, then generates. */
    private void failingTwice(String predict, String tag, ResponseDefinitionBuilder reply) {
        String scenario = tag;
        var tagged = matchingJsonPath("$.prompt", containing(tag));
        server.stubFor(post(predict)
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(tagged)
                .willReturn(reply)
                .willSetStateTo("once"));
        server.stubFor(post(predict)
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("once")
                .withRequestBody(tagged)
                .willReturn(reply)
                .willSetStateTo("twice"));
        server.stubFor(post(predict)
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("twice")
                .withRequestBody(tagged)
                .willReturn(aResponse().withTransformers(EchoModelTransformer.NAME)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
