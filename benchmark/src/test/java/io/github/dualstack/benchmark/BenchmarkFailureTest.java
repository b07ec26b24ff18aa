package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CLI that runs out of heap is reported as OOM, the run continues, and the exit code says so. */
class BenchmarkFailureTest {

    @Test
    void anOutOfMemoryErrorIsReportedNotHidden(@TempDir Path tmp) throws Exception {
        Path jar = fakeCliJar(tmp.resolve("fake.jar"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = Benchmark.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8),
                "--sizes", "5", "--work", tmp.resolve("work").toString(), "--cli-jar", jar.toString(),
                "--skip-in-process");
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("log:%n%s", log).isEqualTo(1);
        assertThat(table).contains("| 5 | validate | 1 |")
                .contains("| 5 | generate | — | — | OOM |")
                .contains("| 5 | no-op regenerate | — | — | FAILED |")
                .contains("Failures:")
                .contains("whole-process generate: OutOfMemoryError (exit 2)");
    }

    private static Path fakeCliJar(Path jar) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeCli.class.getName());
        String entry = FakeCli.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(file, m);
             InputStream in = FakeCli.class.getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
        return jar;
    }
}
