package dev.monitor.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.SpecialFiles;

/**
 * The frame the snapshot and the verdict history are both read in, over real files: what is at the path decides,
 * before anything is opened.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OwnFileTest {

    private static final BiFunction<String, Throwable, IllegalStateException> UNREADABLE = IllegalStateException::new;

    @TempDir
    Path temp;

    private static String text(Path file) {
        return OwnFile.read(file, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8), UNREADABLE)
                .orElse("(no file)");
    }

    @Test
    void aFileIsReadWholeAndAMissingOneIsNoFile() throws Exception {
        Files.writeString(temp.resolve("snapshot.json"), "{}");

        assertThat(text(temp.resolve("snapshot.json"))).isEqualTo("{}");
        assertThat(text(temp.resolve("missing.json"))).isEqualTo("(no file)");
    }

    @Test
    void aFifoIsRefusedByItsKindWithoutWaitingForAWriter() throws Exception {
        Path fifo = SpecialFiles.fifo(temp.resolve("snapshot.json"));

        assertThatThrownBy(() -> text(fifo)).isInstanceOf(IllegalStateException.class).hasMessage("a FIFO, not a file");
    }

    @Test
    void aSymbolicLinkPlantedAtThePathIsNotFollowed() throws Exception {
        Path secret = Files.writeString(temp.resolve("id_ed25519"), "PRIVATE KEY");
        Path link = Files.createSymbolicLink(temp.resolve("snapshot.json"), secret);

        assertThatThrownBy(() -> text(link)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("symbolic link").hasMessageNotContaining("PRIVATE KEY");
    }
}
