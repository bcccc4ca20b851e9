package app.qrart.gateway.inference;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON body TorchServe's QR Art handler takes (docs/architecture.md, README). */
public record InferencePayload(
        String prompt,
        @JsonProperty("negative_prompt") String negativePrompt,
        String image,
        double strength,
        @JsonProperty("controlnet_conditioning_scale") double controlnetConditioningScale,
        @JsonProperty("guidance_scale") double guidanceScale,
        @JsonProperty("num_inference_steps") int numInferenceSteps,
        long seed,
        int width,
        int height,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("control_guidance_start") double controlGuidanceStart,
        @JsonProperty("control_guidance_end") double controlGuidanceEnd) {}
