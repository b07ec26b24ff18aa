package io.github.dualstack.benchmark;

import io.github.dualstack.fixtures.SyntheticSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's command line. */
record Options(List<Integer> sizes, Path work, long seed, Path cliJar, boolean skipInProcess, int repeat,
               boolean skipSelfCheckAll, SyntheticSite.Form form) {

    static final String USAGE = """
            usage: Benchmark [--sizes 1000,10000,100000] [--work DIR] [--seed 42] [--cli-jar PATH]
                             [--repeat N] [--skip-in-process] [--skip-self-check-all] [--inventory csv|yaml]
              --sizes            edge-node counts, comma-separated (default 1000,10000,100000)
              --work DIR         where sites, trees and results.md go (default: <tmpdir>/dualstack-bench)
              --seed N           seed of the synthetic sites (default 42)
              --cli-jar PATH     the CLI jar to run as a subprocess (default: cli/target/dualstack.jar under the
                                 current directory or one of its parents)
              --repeat N         measure every figure N times; report the median and min-max (default 1)
              --skip-in-process  only the whole-process (CLI subprocess) figures and the floor
              --skip-self-check-all  no "generate --self-check all" comparison row (one more tree per size)
              --inventory csv|yaml   the edge nodes in an inventory file beside site.yaml (spec.edge.inventory),
                                 as an IPAM export gives them, instead of in site.yaml; the tree is the same
            """;

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String... args) throws UsageException {
        List<Integer> sizes = List.of(1_000, 10_000, 100_000);
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "dualstack-bench");
        long seed = 42;
        Path cliJar = null;
        boolean skipInProcess = false;
        int repeat = 1;
        boolean skipSelfCheckAll = false;
        SyntheticSite.Form form = SyntheticSite.Form.DESCRIPTOR;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--sizes" -> sizes = sizes(value(args, ++i, a));
                case "--work" -> work = Path.of(value(args, ++i, a));
                case "--seed" -> seed = number(value(args, ++i, a), a);
                case "--cli-jar" -> cliJar = Path.of(value(args, ++i, a));
                case "--repeat" -> {
                    repeat = (int) number(value(args, ++i, a), a);
                    if (repeat < 1 || repeat > 100) {
                        throw new UsageException("--repeat must be 1..100, got " + repeat);
                    }
                }
                case "--skip-in-process" -> skipInProcess = true;
                case "--skip-self-check-all" -> skipSelfCheckAll = true;
                case "--inventory" -> form = form(value(args, ++i, a));
                case "-h", "--help" -> throw new UsageException("");
                default -> throw new UsageException("unknown option " + a);
            }
        }
        if (cliJar == null) {
            cliJar = findCliJar(Path.of("").toAbsolutePath());
        }
        if (!Files.isRegularFile(cliJar)) {
            throw new UsageException("no CLI jar at " + cliJar + "; build it first (./mvnw -B -q install -DskipTests"
                    + " -Dinvoker.skip) or pass --cli-jar");
        }
        return new Options(sizes, work.toAbsolutePath().normalize(), seed, cliJar.toAbsolutePath().normalize(),
                skipInProcess, repeat, skipSelfCheckAll, form);
    }

    /** cli/target/dualstack.jar in the working directory or the nearest parent that has one. */
    private static Path findCliJar(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path jar = d.resolve("cli/target/dualstack.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        return dir.resolve("cli/target/dualstack.jar");
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String text, String option) throws UsageException {
        try {
            return Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": not a number: " + text);
        }
    }

    private static SyntheticSite.Form form(String text) throws UsageException {
        return switch (text) {
            case "csv" -> SyntheticSite.Form.CSV;
            case "yaml" -> SyntheticSite.Form.YAML;
            default -> throw new UsageException("--inventory must be csv or yaml, got " + text);
        };
    }

    private static List<Integer> sizes(String text) throws UsageException {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            long n = number(part, "--sizes");
            if (n < 1 || n > SyntheticSite.MAX_EDGES) {
                throw new UsageException("--sizes: each size must be 1.." + SyntheticSite.MAX_EDGES + ", got " + n);
            }
            if (sizes.contains((int) n)) {
                throw new UsageException("--sizes: " + n + " is given twice");
            }
            sizes.add((int) n);
        }
        sizes.sort(null);
        return List.copyOf(sizes);
    }
}
