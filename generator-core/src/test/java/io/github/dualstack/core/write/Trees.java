package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.FileKind;
import io.github.dualstack.core.render.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the writer tests share: files to offer, one whole run, and another run that holds a tree's lock. */
final class Trees {

    private Trees() {
    }

    /** A rendered file; {@code .sh} files are scripts. */
    static OutputFile file(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8),
                path.endsWith(".sh") ? FileKind.SCRIPT : FileKind.KUBERNETES);
    }

    /** One generate into {@code dir}: offer every file, then commit. */
    static WriteResult write(Path dir, boolean force, OutputFile... files) throws IOException {
        try (TreeWriter w = TreeWriter.open(dir, force, "1.0", Duration.ofSeconds(5))) {
            for (OutputFile f : files) {
                w.offer(f);
            }
            return w.commit();
        }
    }

    /** A generate on another thread that holds the tree's lock until closed. */
    static final class LockHolder implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> holder;

        LockHolder(Path dir) throws InterruptedException {
            CountDownLatch locked = new CountDownLatch(1);
            holder = CompletableFuture.runAsync(() -> {
                try (TreeWriter w = TreeWriter.open(dir, false, "1.0", Duration.ofSeconds(5))) {
                    locked.countDown();
                    release.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }
}
