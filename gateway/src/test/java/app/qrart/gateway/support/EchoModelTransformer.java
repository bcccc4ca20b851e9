package app.qrart.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * TorchServe faked at the HTTP level: answers with the control image it was sent, as NPY,
 * tinted by a translucent colour (so the "art" differs from the input but still scans). A prompt
 * containing "[unscannable]" gets a blank image back, as a model that ignored the QR would; one
 * containing "[weak-control]" too, while its conditioning scale is under {@link #WEAK_CONTROL_BELOW}.
 */
public class EchoModelTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "echo-model";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** "[weak-control]": the QR is lost below this conditioning scale, as with a real ControlNet set too low. */
    public static final double WEAK_CONTROL_BELOW = 1.5;

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            JsonNode body = MAPPER.readTree(event.getRequest().getBodyAsString());
            byte[] png = Base64.getDecoder().decode(body.get("image").asText());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage art = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = art.createGraphics();
            String prompt = body.get("prompt").asText();
            boolean weak = prompt.contains("[weak-control]")
                    && body.get("controlnet_conditioning_scale").asDouble() < WEAK_CONTROL_BELOW;
            boolean blank = prompt.contains("[unscannable]") || weak;
            if (!blank) {
                g.drawImage(image, 0, 0, null);
            }
            g.setColor(new Color(40, 120, 60, 60));
            g.fillRect(0, 0, art.getWidth(), art.getHeight());
            g.dispose();
            return new ResponseDefinitionBuilder()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-npy")
                    .withFixedDelay(event.getResponseDefinition().getFixedDelayMilliseconds())
                    .withBody(NpyWriter.write(art))
                    .build();
        } catch (IOException | RuntimeException e) {
            return new ResponseDefinition(400, "{\"code\":400,\"error\":\"bad test request\",\"field\":\"image\"}");
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
