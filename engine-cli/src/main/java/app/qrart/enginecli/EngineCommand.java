package app.qrart.enginecli;

import app.qrart.engine.QrEngine;
import app.qrart.engine.analysis.ModuleKind;
import app.qrart.engine.analysis.ModuleMap;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.gate.ScanReport;
import app.qrart.engine.locate.NoCodeException;
import app.qrart.engine.locate.OtherContentException;
import app.qrart.engine.locate.SymbolLocator;
import app.qrart.engine.verify.QrDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The scan engine on an image file: {@code check} says what each reader reads, how robust the code
 * is against a plain one, its EC headroom and which modules read wrong; {@code fix} repairs the
 * code in place at a strength and writes the result. Errors go to standard error with a non-zero
 * status ({@link CommandException}).
 */
public final class EngineCommand {

    private final QrEngine engine = QrEngine.withDefaults();
    private final PrintStream out;

    private EngineCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs one command; returns its exit status (0: done). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Arguments parsed = Arguments.parse(args);
            EngineCommand command = new EngineCommand(out);
            BufferedImage image = read(parsed.image());
            SymbolLocator.Located located = locate(image, parsed.content());
            if (parsed.command().equals("check")) {
                command.check(parsed.image(), image, located);
            } else {
                command.fix(parsed, image, located);
            }
            return 0;
        } catch (CommandException e) {
            err.println("qrart-engine: " + e.getMessage());
            return e.status();
        }
    }

    private static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandException(CommandException.NO_IMAGE, file + ": no such file");
        }
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new CommandException(CommandException.NO_IMAGE, file + ": not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new CommandException(CommandException.NO_IMAGE, file + ": " + e.getMessage());
        }
    }

    /** The code of this content in the image, or why there is none. */
    private static SymbolLocator.Located locate(BufferedImage image, String content) {
        try {
            return SymbolLocator.find(image, content, SymbolLocator.MAX_DISAGREEMENT);
        } catch (OtherContentException e) {
            throw new CommandException(CommandException.OTHER_CONTENT, e.getMessage());
        } catch (NoCodeException e) {
            throw new CommandException(CommandException.NO_CODE, e.getMessage());
        }
    }

    private void check(Path file, BufferedImage image, SymbolLocator.Located located) {
        BufferedImage asRead = located.asRead(image);
        String content = located.symbol().content();
        out.printf(
                Locale.ROOT,
                "%s: version %d-%s, mask %d, %d px per module%s%n",
                file.getFileName(),
                located.symbol().version(),
                located.symbol().errorCorrection(),
                located.symbol().mask(),
                located.modulePixels(),
                located.reversed() ? ", light on dark" : "");
        for (QrDecoder reader : QrDecoder.values()) {
            String read = reader.decode(asRead)
                    .map(text -> text.equals(content) ? "reads the content" : "reads other text: " + text)
                    .orElse("reads nothing");
            out.printf("  %-7s %s%n", name(reader), read);
        }
        double relative = engine.meter().relative(asRead, located.symbol(), located.modulePixels());
        out.printf(
                Locale.ROOT,
                "  relative robustness %.3f (the camera suite against a plain code of the same symbol)%n",
                relative);
        ModuleMap map = engine.analyzer().moduleMap(asRead, located.symbol(), located.grid());
        out.printf(Locale.ROOT, "  EC headroom %.2f (1 clean, 0 at the limit, below 0 unreadable)%n", map.ecHeadroom());
        out.printf("  modules read wrong: %d%n", map.wrong().size());
        for (ModuleKind kind : ModuleKind.values()) {
            int all = map.modulesByKind().getOrDefault(kind, 0);
            if (all > 0) {
                out.printf(
                        "    %-11s %d of %d%n",
                        kind.apiName(), map.wrongByKind().getOrDefault(kind, 0), all);
            }
        }
    }

    private void fix(Arguments args, BufferedImage image, SymbolLocator.Located located) {
        ScanGate.Delivery delivery = engine.gate()
                .fixInPlace(image, located, args.strength())
                .orElseThrow(() -> new CommandException(
                        CommandException.NOT_FIXED,
                        "no repair within " + args.strength().apiName() + "'s limits makes every reader read it"));
        Path target = args.out().orElseThrow();
        write(delivery.image(), target);
        ScanReport report = delivery.report();
        out.printf(
                Locale.ROOT,
                "%s: %s at %s; relative robustness %.3f (target %.2f %s), %.1f%% of pixels changed, SSIM %.3f%n",
                target,
                report.repaired() ? "repaired" : "already read by every reader, kept as it is",
                report.scanStrength(),
                report.relativeRobustness(),
                report.robustnessTarget(),
                report.robustnessTargetMet() ? "met" : "not met",
                100 * report.pixelsChangedShare(),
                report.ssim());
    }

    private static void write(BufferedImage image, Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(image, "png", target.toFile());
        } catch (IOException e) {
            throw new CommandException(CommandException.NO_IMAGE, target + ": " + e.getMessage());
        }
    }

    private static String name(QrDecoder reader) {
        return reader.name().toLowerCase(Locale.ROOT);
    }
}
