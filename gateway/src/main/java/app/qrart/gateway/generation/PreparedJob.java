package app.qrart.gateway.generation;

import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.Parameters;
import app.qrart.gateway.links.ShortLinks;

/**
 * A checked job, ready to be admitted: its kind, content, parameters, its short link to make (null:
 * none) and the uploaded picture to keep (PNG; null for a generated job).
 */
public record PreparedJob(
        JobKind kind, String content, ShortLinks.Draft link, Parameters parameters, byte[] sourcePng) {}
