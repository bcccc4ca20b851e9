package app.qrart.gateway.engine;

import app.qrart.engine.encode.SymbolSettings;
import app.qrart.engine.gate.ScanPolicy;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.gate.StrengthGoals;
import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import java.util.Map;

/** The engine's settings as the gateway's configuration gives them: its defaults, with each property set over them. */
final class EngineSettings {

    private EngineSettings() {}

    static SymbolSettings symbols(QrConfig config) {
        SymbolSettings defaults = SymbolSettings.DEFAULTS;
        return new SymbolSettings(
                config.errorCorrection().orElse(defaults.errorCorrection()),
                config.maxVersion().orElse(defaults.maxVersion()),
                config.compactUrls().orElse(defaults.compactUrls()),
                config.quietZoneModules().orElse(defaults.quietZoneModules()),
                config.darkLevel().orElse(defaults.darkLevel()),
                config.lightLevel().orElse(defaults.lightLevel()));
    }

    static ScanPolicy policy(ScanConfig config) {
        ScanPolicy policy = ScanPolicy.DEFAULTS
                .withRepair(config.repair().orElse(ScanPolicy.DEFAULTS.repair()))
                .withMaxPixelsChanged(config.maxPixelsChanged().orElse(ScanPolicy.DEFAULTS.maxPixelsChanged()));
        for (Map.Entry<String, ScanConfig.Strength> entry : config.strengths().entrySet()) {
            ScanStrength strength = ScanStrength.fromApiName(entry.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("qrart.scan.strength." + entry.getKey()
                            + ": unknown strength; known: " + ScanStrength.apiNames()));
            policy = policy.withGoals(strength, goals(policy.goals(strength), entry.getValue()));
        }
        return policy;
    }

    private static StrengthGoals goals(StrengthGoals defaults, ScanConfig.Strength set) {
        return new StrengthGoals(
                set.target().orElse(defaults.target()),
                set.maxPixelsChanged().orElse(defaults.maxPixelsChanged()),
                set.inPlace().target().orElse(defaults.inPlaceTarget()),
                set.inPlace().maxPixelsChanged().orElse(defaults.inPlaceMaxPixelsChanged()));
    }
}
