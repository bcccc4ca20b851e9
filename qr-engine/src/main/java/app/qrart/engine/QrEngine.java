package app.qrart.engine;

import app.qrart.engine.analysis.ScanAnalyzer;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.SymbolSettings;
import app.qrart.engine.gate.PictureEmbedder;
import app.qrart.engine.gate.RobustnessMeter;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.gate.ScanListener;
import app.qrart.engine.gate.ScanPolicy;
import app.qrart.engine.repair.QrRepairer;
import app.qrart.engine.verify.QrVerifier;

/**
 * The scan engine, built one way for every caller (the gateway, the benchmarks, the tests and the
 * command line): an encoder for the symbol settings, the three readers, and the gate with its
 * repairer and robustness meter for the scan policy. Its parts hold no per-request state and are
 * safe to share between threads.
 */
public final class QrEngine {

    private final QrVerifier verifier;
    private final QrEncoder encoder;
    private final ScanAnalyzer analyzer;
    private final RobustnessMeter meter;
    private final QrRepairer repairer;
    private final ScanGate gate;
    private final PictureEmbedder embedder;

    private QrEngine(SymbolSettings symbols, ScanPolicy policy, ScanListener listener) {
        this.verifier = new QrVerifier();
        this.encoder = new QrEncoder(symbols, verifier);
        this.analyzer = new ScanAnalyzer(encoder);
        this.meter = new RobustnessMeter(encoder, verifier, policy);
        this.repairer = new QrRepairer(encoder, verifier, policy.maxPixelsChanged());
        this.gate = new ScanGate(encoder, verifier, repairer, analyzer, meter, policy, listener);
        this.embedder = new PictureEmbedder(encoder, analyzer, gate);
    }

    /** The engine with these settings, telling the listener what the gate does. */
    public static QrEngine create(SymbolSettings symbols, ScanPolicy policy, ScanListener listener) {
        return new QrEngine(symbols, policy, listener);
    }

    /** The engine with its defaults and no listener. */
    public static QrEngine withDefaults() {
        return create(SymbolSettings.DEFAULTS, ScanPolicy.DEFAULTS, ScanListener.NONE);
    }

    public QrVerifier verifier() {
        return verifier;
    }

    public QrEncoder encoder() {
        return encoder;
    }

    public ScanAnalyzer analyzer() {
        return analyzer;
    }

    public RobustnessMeter meter() {
        return meter;
    }

    public QrRepairer repairer() {
        return repairer;
    }

    public ScanGate gate() {
        return gate;
    }

    public PictureEmbedder embedder() {
        return embedder;
    }
}
