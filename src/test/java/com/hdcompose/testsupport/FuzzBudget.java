package com.hdcompose.testsupport;

/**
 * Times one fuzz property and prints its case count and time against the budget, so the build log shows what the
 * fuzzing covered and that it stayed within its share of the CI time.
 */
public final class FuzzBudget {
    /** Seconds all fuzz properties together may take in CI; tries per property are chosen to stay well below. */
    public static final int TOTAL_SECONDS = 30;

    private final long start = System.nanoTime();
    private String property = "?";
    private int cases;

    /** Counts one case of {@code property}. */
    public void count(String property) {
        this.property = property;
        cases++;
    }

    public int cases() {
        return cases;
    }

    /** Prints "fuzz PROPERTY: N cases in T s (all fuzz properties: budget 30 s)". */
    public void report() {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "fuzz %s: %d cases in %.1f s (all fuzz properties: budget %d s)%n",
                property, cases, seconds, TOTAL_SECONDS);
    }
}
