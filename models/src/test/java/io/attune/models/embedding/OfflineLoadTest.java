package io.attune.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading needs no network: a fresh JVM with empty model, native-library and DJL caches, and every URL
 * connection refused and recorded, loads the model and embeds.
 */
class OfflineLoadTest {

    @Test
    void loadsAndEmbedsWithNoNetworkAndEmptyCaches(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("tmp"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin,
                "-Djava.io.tmpdir=" + tmp.resolve("tmp"),
                "-DDJL_CACHE_DIR=" + tmp.resolve("djl"),
                "-DENGINE_CACHE_DIR=" + tmp.resolve("engines"),
                "-cp", System.getProperty("java.class.path"),
                OfflineLoadCheck.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("dimension=384 offline=true").contains("network attempts=[]");
    }
}
