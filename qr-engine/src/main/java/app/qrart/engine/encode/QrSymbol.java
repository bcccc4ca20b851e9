package app.qrart.engine.encode;

import com.google.zxing.qrcode.encoder.ByteMatrix;

/** An encoded QR symbol: its module matrix (without quiet zone), version, level and mask pattern. */
public record QrSymbol(String content, ByteMatrix modules, int version, String errorCorrection, int mask) {

    public int width() {
        return modules.getWidth();
    }

    public boolean dark(int x, int y) {
        return modules.get(x, y) == 1;
    }
}
