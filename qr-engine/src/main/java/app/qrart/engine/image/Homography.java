package app.qrart.engine.image;

/** Plane projective maps as row-major 3x3 arrays: from four point pairs, inverted, applied. */
public final class Homography {

    private Homography() {}

    /** The map taking each of four source points (x, y pairs) to its target point. */
    public static double[] fromPoints(double[] source, double[] target) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = source[2 * i];
            double y = source[2 * i + 1];
            double u = target[2 * i];
            double v = target[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] h = solve(a);
        return new double[] {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1};
    }

    public static double[] apply(double[] h, double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    public static double[] invert(double[] m) {
        double a = m[4] * m[8] - m[5] * m[7];
        double b = m[5] * m[6] - m[3] * m[8];
        double c = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * a + m[1] * b + m[2] * c;
        return new double[] {
            a / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            b / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            c / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det
        };
    }

    /** Gaussian elimination with partial pivoting on an n x (n+1) augmented matrix. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[row][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }
}
