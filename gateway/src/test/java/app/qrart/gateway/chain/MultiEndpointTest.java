package app.qrart.gateway.chain;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.support.Generations;
import app.qrart.gateway.support.TorchServeProcess;
import app.qrart.gateway.support.TwoRealTorchServes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Generations spread over two real TorchServe processes, and carried on by one when the other dies. */
@QuarkusTest
@QuarkusTestResource(value = TwoRealTorchServes.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiEndpointTest {

    private static List<String> submit(String tag, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = Map.of(
                    "content",
                    "https://qr.art/" + tag + "-" + i,
                    "prompt",
                    "3D " + tag,
                    "steps",
                    4,
                    "seed",
                    i,
                    "candidates",
                    2);
            ids.add(Generations.submit(body));
        }
        return ids;
    }

    private static void assertAllDone(List<String> ids) {
        for (String id : ids) {
            assertEquals("done", Generations.awaitDone(id).getString("status"), id);
        }
    }

    @Test
    @Order(1)
    void concurrentGenerationsAreSpreadOverBothEndpoints() {
        List<TorchServeProcess> servers = TwoRealTorchServes.servers();
        assertAllDone(submit("spread", 6));
        long first = servers.get(0).predictions();
        long second = servers.get(1).predictions();
        assertEquals(12, first + second, "6 generations x 2 candidates");
        assertTrue(first >= 3 && second >= 3, "least-outstanding spreads the load: " + first + " / " + second);
    }

    @Test
    @Order(2)
    void whenOneEndpointDiesTheOtherCarriesEveryNewGenerationAndTheServiceStaysReady() {
        TorchServeProcess survivor = TwoRealTorchServes.servers().get(0);
        long before = survivor.predictions();
        TwoRealTorchServes.servers().get(1).killHard();
        assertAllDone(submit("failover", 3));
        assertEquals(before + 6, survivor.predictions());
        given().when().get("/q/health/ready").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        assertTrue(
                metrics.contains("qrart_torchserve_healthy{endpoint=\""
                        + TwoRealTorchServes.servers().get(1).url() + "\"} 0.0"),
                "the dead endpoint is marked down");
    }
}
