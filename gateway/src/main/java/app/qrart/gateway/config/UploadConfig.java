package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Limits on request bodies: JSON bodies and uploaded pictures, each checked before it is parsed. */
@ConfigMapping(prefix = "qrart.uploads")
public interface UploadConfig {

    /** Largest JSON body in bytes (the HTTP server's own limit is raised to let pictures in). */
    @WithDefault("65536")
    int maxJsonBytes();

    /** Largest uploaded picture file in bytes. */
    @WithDefault("15728640")
    int maxImageBytes();

    /** Most pixels (width x height) a picture may have; read from its header before it is decoded. */
    @WithDefault("40000000")
    long maxPixels();

    /** Picture formats accepted (ImageIO names); an animated GIF or multi-page TIFF gives its first frame. */
    @WithDefault("png,jpeg,gif,bmp,tiff")
    List<String> formats();
}
