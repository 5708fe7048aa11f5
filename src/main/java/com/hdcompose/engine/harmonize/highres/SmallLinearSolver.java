package com.hdcompose.engine.harmonize.highres;

/** Solves small dense linear systems (normal equations of colour fits) by Gaussian elimination. */
final class SmallLinearSolver {
    private SmallLinearSolver() {
    }

    /**
     * Solves {@code a · x = b} for an n×n matrix {@code a} (row-major) and m right-hand sides {@code b} (n×m,
     * row-major). Inputs are copied; a singular system yields zeros for the undetermined unknowns.
     */
    static double[] solve(double[] a, double[] b, int n, int m) {
        double[] A = a.clone();
        double[] B = b.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(A[r * n + col]) > Math.abs(A[pivot * n + col])) {
                    pivot = r;
                }
            }
            swapRows(A, n, col, pivot);
            swapRows(B, m, col, pivot);
            double p = A[col * n + col];
            if (Math.abs(p) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r == col) {
                    continue;
                }
                double f = A[r * n + col] / p;
                if (f == 0) {
                    continue;
                }
                for (int c = col; c < n; c++) {
                    A[r * n + c] -= f * A[col * n + c];
                }
                for (int c = 0; c < m; c++) {
                    B[r * m + c] -= f * B[col * m + c];
                }
            }
        }
        double[] x = new double[n * m];
        for (int r = 0; r < n; r++) {
            double p = A[r * n + r];
            for (int c = 0; c < m; c++) {
                x[r * m + c] = Math.abs(p) < 1e-12 ? 0 : B[r * m + c] / p;
            }
        }
        return x;
    }

    private static void swapRows(double[] a, int width, int i, int j) {
        if (i == j) {
            return;
        }
        for (int c = 0; c < width; c++) {
            double t = a[i * width + c];
            a[i * width + c] = a[j * width + c];
            a[j * width + c] = t;
        }
    }
}
