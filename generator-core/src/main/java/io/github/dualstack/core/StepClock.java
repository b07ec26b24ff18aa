package io.github.dualstack.core;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Times a run's steps for {@link RunOptions#steps}: each {@link #end} reports the step that ends there, measured
 * from the previous one. Reads nothing when nobody listens.
 */
final class StepClock {

    /** Who is told; empty: nobody, and nothing is read. */
    private final Optional<Consumer<Step>> sink;
    private long wall;
    private long cpu;
    private long compilation;

    private StepClock(Optional<Consumer<Step>> sink) {
        this.sink = sink;
        if (sink.isPresent()) {
            wall = System.nanoTime();
            cpu = cpuNanos();
            compilation = compilationMillis();
        }
    }

    static StepClock of(RunOptions options) {
        return new StepClock(options.steps());
    }

    /** The step {@code name} ends now. */
    void end(String name) {
        if (sink.isEmpty()) {
            return;
        }
        long w = System.nanoTime();
        long c = cpuNanos();
        long j = compilationMillis();
        sink.get().accept(new Step(name, Duration.ofNanos(w - wall), Duration.ofNanos(Math.max(0, c - cpu)),
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
