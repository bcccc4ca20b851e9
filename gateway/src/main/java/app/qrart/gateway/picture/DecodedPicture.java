package app.qrart.gateway.picture;

import java.awt.image.BufferedImage;

/**
 * An uploaded picture as opaque RGB, upright: {@code format} it came in, {@code frames} it held
 * (only the first is used), whether transparency was flattened on white, the EXIF orientation applied.
 */
public record DecodedPicture(BufferedImage image, String format, int frames, boolean flattened, int orientation) {}
