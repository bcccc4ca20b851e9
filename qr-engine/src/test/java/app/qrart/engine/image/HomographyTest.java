package app.qrart.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HomographyTest {

    @Test
    void mapsEachOfItsFourPointsAndInvertsBack() {
        double[] square = {0, 0, 33, 0, 33, 33, 0, 33};
        double[] quad = {12.5, 20, 300, 31, 280.25, 310, 5, 290};
        double[] h = Homography.fromPoints(square, quad);
        double[] inverse = Homography.invert(h);
        for (int i = 0; i < 4; i++) {
            double[] p = Homography.apply(h, square[2 * i], square[2 * i + 1]);
            assertArrayEquals(new double[] {quad[2 * i], quad[2 * i + 1]}, p, 1e-6);
            assertArrayEquals(
                    new double[] {square[2 * i], square[2 * i + 1]}, Homography.apply(inverse, p[0], p[1]), 1e-6);
        }
    }
}
