package com.hdcompose.engine.harmonize.highres;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The inlined affine-grid map and the unrolled normal equations give bit-identical results to their generic forms. */
class AffineGridTransferTest {
    @Test
    void inlinedMapEqualsGenericGridTransferBitForBit() {
        Random rnd = new Random(7);
        GridLattice grid = new GridLattice(new float[] {0.2f, 0.1f, 0.7f, 0.9f}, 8);
        float[] coeffs = new float[grid.nodeCount() * 12];
        for (int i = 0; i < coeffs.length; i++) {
            coeffs[i] = (float) rnd.nextGaussian();
        }
        ColorTransfer fast = new AffineGridTransfer(grid, coeffs);
        ColorTransfer generic = new GridTransfer(grid, (node, c, r, g, b) -> {
            int o = node * 12 + c * 4;
            return coeffs[o] * r + coeffs[o + 1] * g + coeffs[o + 2] * b + coeffs[o + 3];
        });
        float[] a = new float[3];
        float[] b = new float[3];
        for (int i = 0; i < 100_000; i++) {
            float r = rnd.nextFloat();
            float g = rnd.nextFloat();
            float bl = rnd.nextFloat();
            float u = rnd.nextFloat() * 1.2f - 0.1f;
            float v = rnd.nextFloat() * 1.2f - 0.1f;
            fast.map(r, g, bl, u, v, a);
            generic.map(r, g, bl, u, v, b);
            assertThat(a).containsExactly(b);
        }
    }

    @Test
    void unrolledAccumulatorEqualsLoopFormBitForBit() throws ReflectiveOperationException {
        Random rnd = new Random(11);
        AffineAccumulator acc = new AffineAccumulator();
        double[] xtx = new double[16];
        double[] xty = new double[12];
        for (int s = 0; s < 10_000; s++) {
            float[] x = {rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat(), 1};
            float[] y = {rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat()};
            float w = rnd.nextFloat();
            acc.add(x[0], x[1], x[2], y[0], y[1], y[2], w);
            for (int i = 0; i < 4; i++) {
                double wx = w * x[i];
                for (int j = i; j < 4; j++) {
                    xtx[i * 4 + j] += wx * x[j];
                }
                for (int c = 0; c < 3; c++) {
                    xty[i * 3 + c] += wx * y[c];
                }
            }
        }
        assertThat(field(acc, "xtx")).containsExactly(xtx);
        assertThat(field(acc, "xty")).containsExactly(xty);
    }

    private static double[] field(AffineAccumulator acc, String name) throws ReflectiveOperationException {
        Field f = AffineAccumulator.class.getDeclaredField(name);
        f.setAccessible(true);
        return (double[]) f.get(acc);
    }
}
