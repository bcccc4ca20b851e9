package app.qrart.engine.locate;

import app.qrart.engine.analysis.LumaPlane;
import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.image.Luma;
import app.qrart.engine.verify.BoofQrDecoder;
import app.qrart.engine.verify.QrDecoder;
import app.qrart.engine.verify.QrVerifier;
import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.detector.Detector;
import georegression.struct.point.Point2D_F64;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Finds where a code with known content sits in an existing picture, including codes that no
 * decoder reads: the geometry comes from BoofCV's detections and failed detections, ZXing's
 * finder-pattern detector, or else an axis-aligned search for the finder and timing patterns
 * ({@link GridSearch}). The symbol is the encoding of the content (every level, mask and
 * ECI choice for that size) that agrees best with the modules the picture shows. A code drawn
 * light on dark (reflectance reversal, which ISO/IEC 18004:2015 lets readers accept) is looked
 * for in the picture's negative when the picture itself shows no good match.
 */
public final class SymbolLocator {

    private SymbolLocator() {}

    /**
     * A code located in a picture: its grid, the symbol it most resembles, how far it is from it,
     * whether both decoders already read the content as the picture is (the verifier's check), and
     * whether the code is reflectance-reversed (everything above then holds for the negative).
     */
    public record Located(
            ModuleGrid grid,
            QrSymbol symbol,
            double disagreement,
            String source,
            boolean readsUnaided,
            boolean reversed) {

        Located(ModuleGrid grid, QrSymbol symbol, double disagreement, String source) {
            this(grid, symbol, disagreement, source, false, false);
        }

        /** The located module size in whole pixels (at least 1), as the camera suite takes it. */
        public int modulePixels() {
            return Math.max(1, (int) Math.round(grid.modulePixels()));
        }

        /** The picture as a reader of this code sees it: its negative for a reversed code. */
        public BufferedImage asRead(BufferedImage picture) {
            return reversed ? Luma.negative(picture) : picture;
        }

        Located as(boolean reads, boolean negative) {
            return new Located(grid, symbol, disagreement, source, reads, negative);
        }
    }

    /** Share of modules that may disagree with the content's symbol for a located code to count as it, by default. */
    public static final double MAX_DISAGREEMENT = 0.3;

    /**
     * The code of this content in the picture, or why there is none: a code ZXing reads as other
     * text ({@link OtherContentException}), or nothing within {@code maxDisagreement} of the
     * content's symbol ({@link NoCodeException}).
     */
    public static Located find(BufferedImage image, String content, double maxDisagreement) {
        Optional<String> reads = QrDecoder.ZXING.decode(image);
        if (reads.isPresent() && !reads.get().equals(content)) {
            throw new OtherContentException(reads.get());
        }
        Optional<Located> located = locate(image, content);
        if (located.isEmpty() || located.get().disagreement() > maxDisagreement) {
            throw new NoCodeException(
                    located.isEmpty()
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(located.get().disagreement()));
        }
        return located.get();
    }

    /** The best match of the content's symbols in the picture, however far (see {@link #find}). */
    public static Optional<Located> locate(BufferedImage image, String content) {
        List<Integer> widths = SymbolCandidates.widths(content);
        if (widths.isEmpty()) {
            return Optional.empty();
        }
        Optional<Located> upright = locate(image, content, widths, false);
        if (upright.isPresent()
                && (upright.get().readsUnaided() || upright.get().disagreement() < GridSearch.GOOD_ENOUGH)) {
            return upright;
        }
        Optional<Located> reversed = locate(Luma.negative(image), content, widths, true);
        return reversed.isPresent()
                        && (upright.isEmpty()
                                || reversed.get().disagreement() < upright.get().disagreement())
                ? reversed
                : upright;
    }

    private static Optional<Located> locate(
            BufferedImage image, String content, List<Integer> widths, boolean negative) {
        LumaPlane plane = LumaPlane.of(image);
        Optional<Result> zxing = ReadSymbols.read(image, content);
        SymbolCandidates symbols = new SymbolCandidates(content, zxing);
        QrCodeDetector<GrayU8> boof = FactoryFiducial.qrcode(null, GrayU8.class);
        boof.process(BoofQrDecoder.gray(image));
        boolean readsUnaided = zxing.isPresent()
                && boof.getDetections().stream().anyMatch(code -> content.equals(code.message))
                && QrDecoder.WECHAT.reads(image, content);
        List<Located> found = new ArrayList<>();
        for (Candidate candidate : detected(image, boof, widths)) {
            best(plane, candidate, symbols).ifPresent(found::add);
        }
        Optional<Located> detected = found.stream().min(Comparator.comparingDouble(Located::disagreement));
        if (detected.isEmpty() || detected.get().disagreement() >= GridSearch.GOOD_ENOUGH) {
            for (Candidate candidate : GridSearch.axisAligned(plane, widths)) {
                best(plane, candidate, symbols).ifPresent(found::add);
            }
        }
        return found.stream()
                .min(Comparator.comparingDouble(Located::disagreement))
                .map(l -> l.as(readsUnaided, negative));
    }

    /** A grid guess and where it came from. */
    record Candidate(ModuleGrid grid, String source) {}

    private static Optional<Located> best(LumaPlane plane, Candidate candidate, SymbolCandidates symbols) {
        int width = candidate.grid().width();
        int[][] luma = plane.modules(candidate.grid());
        int threshold = LumaPlane.drawnCodeThreshold(luma);
        boolean[][] dark = new boolean[width][width];
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                dark[y][x] = luma[y][x] < threshold;
            }
        }
        Located best = null;
        for (QrSymbol symbol : symbols.forGrid(dark)) {
            int wrong = 0;
            for (int y = 0; y < width; y++) {
                for (int x = 0; x < width; x++) {
                    wrong += dark[y][x] != symbol.dark(x, y) ? 1 : 0;
                }
            }
            double share = (double) wrong / (width * width);
            if (best == null || share < best.disagreement()) {
                best = new Located(candidate.grid(), symbol, share, candidate.source());
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Candidate> detected(BufferedImage image, QrCodeDetector<GrayU8> boof, List<Integer> widths) {
        List<Candidate> out = new ArrayList<>();
        List<QrCode> codes = new ArrayList<>(boof.getDetections());
        codes.addAll(boof.getFailures());
        for (QrCode code : codes) {
            double[] corners = new double[8];
            for (int i = 0; i < 4; i++) {
                Point2D_F64 p = code.bounds.get(i);
                corners[2 * i] = p.x;
                corners[2 * i + 1] = p.y;
            }
            List<Integer> sizes = code.version > 0 ? List.of(QrCode.totalModules(code.version)) : widths;
            for (int width : sizes) {
                out.add(new Candidate(ModuleGrid.fromCorners(width, corners), "boofcv"));
            }
        }
        zxingFinders(image).ifPresent(out::add);
        return out;
    }

    private static Optional<Candidate> zxingFinders(BufferedImage image) {
        try {
            DetectorResult result = new Detector(new HybridBinarizer(QrVerifier.luminance(image)).getBlackMatrix())
                    .detect(Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            int n = result.getBits().getWidth();
            ResultPoint[] p = result.getPoints();
            // ZXing's points: bottom-left, top-left, top-right finder centres, then the alignment pattern.
            double far = p.length > 3 ? n - 6.5 : n - 3.5;
            double[] pixels = {
                p[1].getX(),
                p[1].getY(),
                p[2].getX(),
                p[2].getY(),
                p[0].getX(),
                p[0].getY(),
                p.length > 3 ? p[3].getX() : p[2].getX() + p[0].getX() - p[1].getX(),
                p.length > 3 ? p[3].getY() : p[2].getY() + p[0].getY() - p[1].getY()
            };
            double[] modules = {3.5, 3.5, n - 3.5, 3.5, 3.5, n - 3.5, far, far};
            return Optional.of(new Candidate(ModuleGrid.fromPoints(n, modules, pixels), "zxing"));
        } catch (NotFoundException | FormatException e) {
            return Optional.empty();
        }
    }
}
