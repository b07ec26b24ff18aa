package io.github.dualstack.core;

import java.time.Duration;

/**
 * One step of a run and what it cost: its wall time, and the CPU time and JIT compilation time that the whole
 * process spent meanwhile (every thread, the compiler's included; zero where the platform does not say). On a
 * machine with few cores a cold JVM's compiler takes a large share of the CPU, and this is where it shows.
 */
public record Step(String name, Duration wall, Duration cpu, Duration compilation) {

    /** One line: {@code NAME: WALL ms (CPU CPU ms, JIT JIT ms)}. */
    public String line() {
        return name + ": " + wall.toMillis() + " ms (CPU " + cpu.toMillis() + " ms, JIT " + compilation.toMillis()
                + " ms)";
    }
}
