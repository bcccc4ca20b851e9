package app.qrart.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.SymbolSettings;
import app.qrart.engine.gate.ScanPolicy;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.gate.StrengthGoals;
import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.support.Configs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's properties over the engine's defaults: what is set replaces, what is not stays. */
class EngineSettingsTest {

    @Test
    void nothingSetIsTheEnginesDefaults() {
        assertEquals(SymbolSettings.DEFAULTS, EngineSettings.symbols(Configs.of(QrConfig.class, Map.of())));
        assertEquals(ScanPolicy.DEFAULTS, EngineSettings.policy(Configs.of(ScanConfig.class, Map.of())));
    }

    @Test
    void eachSetPropertyReplacesItsDefaultAlone() {
        SymbolSettings symbols = EngineSettings.symbols(
                Configs.of(QrConfig.class, Map.of("qrart.qr.max-version", "6", "qrart.qr.compact-urls", "false")));
        assertEquals(SymbolSettings.DEFAULTS.withMaxVersion(6).withCompactUrls(false), symbols);

        ScanPolicy policy = EngineSettings.policy(Configs.of(
                ScanConfig.class,
                Map.of(
                        "qrart.scan.repair", "false",
                        "qrart.scan.strength.artistic.in-place.target", "0.6",
                        "qrart.scan.strength.robust.max-pixels-changed", "0.4")));
        assertTrue(!policy.repair());
        StrengthGoals artistic = ScanPolicy.DEFAULTS.goals(ScanStrength.ARTISTIC);
        assertEquals(artistic.withInPlaceTarget(0.6), policy.goals(ScanStrength.ARTISTIC));
        StrengthGoals robust = ScanPolicy.DEFAULTS.goals(ScanStrength.ROBUST);
        assertEquals(robust.withMaxPixelsChanged(0.4), policy.goals(ScanStrength.ROBUST));
        assertEquals(ScanPolicy.DEFAULTS.goals(ScanStrength.BALANCED), policy.goals(ScanStrength.BALANCED));
    }

    @Test
    void anUnknownStrengthIsNamedAtStartUp() {
        ScanConfig config = Configs.of(ScanConfig.class, Map.of("qrart.scan.strength.loud.target", "0.9"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineSettings.policy(config));
        assertTrue(e.getMessage().contains("qrart.scan.strength.loud"), e.getMessage());
    }
}
