package io.github.dualstack.core;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Times a run's steps for {@link RunOptions#steps}: each {@link #end} reports the step that ends there, measured
 * from the previous one. Reads nothing when nobody listens.
 */
final class StepClock {

    private final Consumer<Step> sink;
    private final boolean listening;
    private long wall;
    private long cpu;
    private long compilation;

    StepClock(Consumer<Step> sink, boolean listening) {
        this.sink = sink;
        this.listening = listening;
        if (listening) {
            wall = System.nanoTime();
            cpu = cpuNanos();
            compilation = compilationMillis();
        }
    }

    static StepClock of(RunOptions options) {
        return new StepClock(options.steps().orElse(s -> { }), options.steps().isPresent());
    }

    /** The step {@code name} ends now. */
    void end(String name) {
        if (!listening) {
            return;
        }
        long w = System.nanoTime();
        long c = cpuNanos();
        long j = compilationMillis();
        sink.accept(new Step(name, Duration.ofNanos(w - wall), Duration.ofNanos(Math.max(0, c - cpu)),
                Duration.ofMillis(Math.max(0, j - compilation))));
        wall = w;
        cpu = c;
        compilation = j;
    }

    /** The process's CPU time, every thread's; 0 where the platform does not say. */
    private static long cpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot
                ? Math.max(0, hotspot.getProcessCpuTime()) : 0;
    }

    /** The JIT compilers' time so far; 0 where the platform does not say. */
    private static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
