package app.qrart.enginecli;

import app.qrart.engine.gate.ScanStrength;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code check|fix IMAGE --content C [--strength S] [--out OUT.png]}, parsed and checked. */
record Arguments(String command, Path image, String content, ScanStrength strength, Optional<Path> out) {

    static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: qrart-engine check IMAGE --content C",
            "       qrart-engine fix IMAGE --content C [--strength artistic|balanced|robust] --out OUT.png");

    private static final Set<String> COMMANDS = Set.of("check", "fix");
    private static final Set<String> OPTIONS = Set.of("--content", "--strength", "--out");

    static Arguments parse(List<String> args) {
        if (args.isEmpty() || !COMMANDS.contains(args.get(0))) {
            throw usage(args.isEmpty() ? "no command" : "unknown command '" + args.get(0) + "'");
        }
        String command = args.get(0);
        Path image = null;
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (OPTIONS.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw usage(arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else if (arg.startsWith("--")) {
                throw usage("unknown option " + arg);
            } else if (image == null) {
                image = Path.of(arg);
            } else {
                throw usage("one image at a time, got also '" + arg + "'");
            }
        }
        if (image == null) {
            throw usage("no IMAGE");
        }
        String content = options.get("--content");
        if (content == null || content.isEmpty()) {
            throw usage("--content is required: the text the code must carry");
        }
        Optional<Path> out = Optional.ofNullable(options.get("--out")).map(Path::of);
        if (command.equals("fix") && out.isEmpty()) {
            throw usage("fix needs --out OUT.png");
        }
        return new Arguments(command, image, content, strength(options.getOrDefault("--strength", "balanced")), out);
    }

    private static ScanStrength strength(String name) {
        return ScanStrength.fromApiName(name)
                .orElseThrow(
                        () -> usage("--strength must be one of " + ScanStrength.apiNames() + ", got '" + name + "'"));
    }

    private static CommandException usage(String problem) {
        return new CommandException(CommandException.USAGE, problem + System.lineSeparator() + USAGE);
    }
}
