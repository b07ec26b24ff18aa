package io.github.dualstack.benchmark;

/**
 * Stands in for dualstack.jar in {@link BenchmarkFailureTest}: validate succeeds; generate dies the way the real
 * CLI reports a heap overflow.
 */
public final class FakeCli {

    private FakeCli() {
    }

    public static void main(String[] args) {
        if (args[0].equals("validate")) {
            System.exit(0);
        }
        System.err.println("dualstack: internal error: java.lang.OutOfMemoryError: Java heap space");
        System.exit(2);
    }
}
