package app.qrart.gateway.picture;

import app.qrart.gateway.config.UploadConfig;
import app.qrart.gateway.picture.PictureRejectedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns an uploaded file into an opaque, upright RGB picture, or refuses it with a reason: size
 * in bytes first, then the format from the file's own bytes (never from its name or declared type,
 * which must not name another format), then the pixel count from the header before any raster is
 * decoded. The first frame of animations and multi-page files; CMYK JPEGs converted; 16-bit,
 * grey, palette and transparent pictures flattened on white; EXIF orientation applied.
 */
@ApplicationScoped
public class PictureDecoder {

    private static final Map<String, String> FORMAT_NAMES = Map.of(
            "png", "png", "jpeg", "jpeg", "jpg", "jpeg", "gif", "gif", "bmp", "bmp", "tif", "tiff", "tiff", "tiff");
    private static final Map<String, String> DECLARED_TYPES = Map.of(
            "image/png", "png",
            "image/jpeg", "jpeg",
            "image/jpg", "jpeg",
            "image/gif", "gif",
            "image/bmp", "bmp",
            "image/tiff", "tiff",
            "image/webp", "webp",
            "image/avif", "avif",
            "image/heic", "heic",
            "image/svg+xml", "svg");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("png", "png"),
            Map.entry("jpg", "jpeg"),
            Map.entry("jpeg", "jpeg"),
            Map.entry("gif", "gif"),
            Map.entry("bmp", "bmp"),
            Map.entry("tif", "tiff"),
            Map.entry("tiff", "tiff"),
            Map.entry("webp", "webp"),
            Map.entry("avif", "avif"),
            Map.entry("heic", "heic"),
            Map.entry("svg", "svg"));

    private final UploadConfig config;

    public PictureDecoder(UploadConfig config) {
        this.config = config;
    }

    public DecodedPicture decode(byte[] bytes, String declaredType, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new PictureRejectedException(Reason.NOT_AN_IMAGE, "'image' is required: a picture file");
        }
        if (bytes.length > config.maxImageBytes()) {
            throw new PictureRejectedException(
                    Reason.TOO_MANY_BYTES,
                    "'image' is " + megabytes(bytes.length) + "; at most " + megabytes(config.maxImageBytes()));
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(input);
            try {
                String format = formatOf(reader);
                requireLabelsAgree(format, declaredType, fileName);
                reader.setInput(input, false, true);
                requirePixelsWithinLimit(reader.getWidth(0), reader.getHeight(0));
                int frames = frames(reader, format);
                BufferedImage first = read(reader, bytes, format);
                int orientation = format.equals("jpeg") ? ExifOrientation.of(bytes) : 1;
                boolean transparent = first.getColorModel().hasAlpha();
                BufferedImage upright = ExifOrientation.apply(opaque(first), orientation);
                return new DecodedPicture(upright, format, frames, transparent, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PictureRejectedException rejected) {
                throw rejected;
            }
            throw new PictureRejectedException(
                    Reason.UNREADABLE,
                    "'image' could not be decoded: "
                            + Optional.ofNullable(e.getMessage())
                                    .orElse(e.getClass().getSimpleName()));
        }
    }

    private ImageReader readerFor(ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            String format = FORMAT_NAMES.get(name(reader));
            if (format != null && config.formats().contains(format)) {
                reader.setInput(input);
                return reader;
            }
        }
        throw new PictureRejectedException(
                Reason.NOT_AN_IMAGE,
                "'image' is not a picture in an accepted format (" + String.join(", ", config.formats()) + ")");
    }

    private static String name(ImageReader reader) {
        try {
            return reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }

    private static String formatOf(ImageReader reader) {
        return FORMAT_NAMES.get(name(reader));
    }

    /** A declared content type or a file extension that names another image format is refused. */
    private static void requireLabelsAgree(String format, String declaredType, String fileName) {
        String declared = declaredType == null
                ? null
                : DECLARED_TYPES.get(
                        declaredType.toLowerCase(Locale.ROOT).split(";")[0].trim());
        if (declared != null && !declared.equals(format)) {
            throw new PictureRejectedException(
                    Reason.MISLABELLED,
                    "'image' is a " + format.toUpperCase(Locale.ROOT) + " file but was sent as " + declaredType);
        }
        String extension = fileName == null || !fileName.contains(".")
                ? null
                : EXTENSIONS.get(
                        fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (extension != null && !extension.equals(format)) {
            throw new PictureRejectedException(
                    Reason.MISLABELLED,
                    "'image' is a " + format.toUpperCase(Locale.ROOT) + " file but is named '" + fileName + "'");
        }
    }

    private void requirePixelsWithinLimit(int width, int height) {
        long pixels = (long) width * height;
        if (pixels > config.maxPixels()) {
            throw new PictureRejectedException(
                    Reason.TOO_MANY_PIXELS,
                    String.format(
                            Locale.ROOT,
                            "'image' is %d x %d pixels (%.1f megapixels); at most %.1f megapixels",
                            width,
                            height,
                            pixels / 1e6,
                            config.maxPixels() / 1e6));
        }
    }

    private static int frames(ImageReader reader, String format) throws IOException {
        if (!format.equals("gif") && !format.equals("tiff")) {
            return 1;
        }
        return Math.max(1, reader.getNumImages(true));
    }

    /**
     * The first frame. A CMYK JPEG comes back from ImageIO as CMYK samples whose colours it gets
     * wrong (newer JDKs: already turned to light per channel, i.e. inverted) or not at all (older
     * ones: the raw samples); either way they are converted here.
     */
    private static BufferedImage read(ImageReader reader, byte[] bytes, String format) throws IOException {
        try {
            BufferedImage image = reader.read(0);
            if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
                return CmykJpeg.toRgb(image.getRaster(), CmykJpeg.DECODED);
            }
            return image;
        } catch (IIOException e) {
            if (!format.equals("jpeg")) {
                throw e;
            }
            Raster raster = reader.readRaster(0, null);
            if (raster.getNumBands() != 4) {
                throw e;
            }
            return CmykJpeg.toRgb(raster, CmykJpeg.adobeTransform(bytes));
        }
    }

    /** Opaque RGB: alpha flattened on white; 16-bit, grey and palette pictures converted. */
    static BufferedImage opaque(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
