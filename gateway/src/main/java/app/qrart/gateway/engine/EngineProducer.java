package app.qrart.gateway.engine;

import app.qrart.engine.QrEngine;
import app.qrart.engine.analysis.ScanAnalyzer;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.gate.PictureEmbedder;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.verify.QrVerifier;
import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The scan engine, built once from the gateway's configuration, and its parts as beans. */
public class EngineProducer {

    @Produces
    @Singleton
    QrEngine engine(QrConfig qr, ScanConfig scan, MeterRegistry registry) {
        return QrEngine.create(
                EngineSettings.symbols(qr), EngineSettings.policy(scan), new MeteredScanListener(registry));
    }

    @Produces
    @Singleton
    QrEncoder encoder(QrEngine engine) {
        return engine.encoder();
    }

    @Produces
    @Singleton
    QrVerifier verifier(QrEngine engine) {
        return engine.verifier();
    }

    @Produces
    @Singleton
    ScanAnalyzer analyzer(QrEngine engine) {
        return engine.analyzer();
    }

    @Produces
    @Singleton
    ScanGate gate(QrEngine engine) {
        return engine.gate();
    }

    @Produces
    @Singleton
    PictureEmbedder embedder(QrEngine engine) {
        return engine.embedder();
    }
}
