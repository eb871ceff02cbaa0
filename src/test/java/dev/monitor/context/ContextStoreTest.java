package dev.monitor.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;

/** The contexts file written and read back: the per-service block, its mode, and what it refuses. */
class ContextStoreTest {

    private final ContextStore store = new ContextStore();

    @TempDir
    Path temp;

    private Path file() {
        return temp.resolve("monitor").resolve("config.yaml");
    }

    private void handWritten(String yaml) throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), yaml);
    }

    @Test
    void perServiceLevelsRoundTripThroughAPrivateFile() throws Exception {
        ClusterContext prod = new ClusterContext("https://cluster.internal", null, null, null,
                Optional.of(new HealthyLevel.Share(50)), Optional.empty(), List.of("AuthService"), new TreeMap<>(Map.of(
                        "AuthService", new ServiceLevels(Optional.of(new HealthyLevel.Count(3)),
                                Optional.of(new HealthyLevel.Share(80))),
                        "GeoService", ServiceLevels.NONE.withWarnHealthy(new HealthyLevel.Count(4)))));
        store.write(file(), Contexts.EMPTY.with("prod", prod));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(store.read(file()).get("prod")).contains(prod);
        assertThat(Files.readString(file())).contains("""
                    services:
                      AuthService:
                        min-healthy: '3'
                        warn-healthy: 80%
                      GeoService:
                        warn-healthy: '4'
                """);

        store.write(file(), store.read(file()).with("lab", new ClusterContext("http://lab:8080", null, null, null,
                Optional.empty(), Optional.empty(), null, null)));
        assertThat(store.read(file()).get("prod")).as("rewriting the file for another context keeps it").contains(prod);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void aHandWrittenBlockIsReadWithNumbersAsLevels() throws Exception {
        handWritten("""
                contexts:
                  prod:
                    url: http://cluster:8080
                    services: { AuthService: { min-healthy: 3, warn-healthy: 80% } }
                """);

        assertThat(store.read(file()).get("prod").orElseThrow().services())
                .containsExactly(Map.entry("AuthService", new ServiceLevels(Optional.of(new HealthyLevel.Count(3)),
                        Optional.of(new HealthyLevel.Share(80)))));
    }

    @Test
    void aMisspeltOrMisshapenBlockIsRefusedNotIgnored() throws Exception {
        handWritten("""
                contexts:
                  prod:
                    url: http://cluster:8080
                    services: { AuthService: { min_healthy: 3 } }
                """);
        assertThatThrownBy(() -> store.read(file())).isInstanceOf(ContextException.class)
                .hasMessage(file() + ": context 'prod': service 'AuthService' must hold min-healthy and/or "
                        + "warn-healthy, and nothing else (fix or remove it in that file)");

        handWritten("""
                contexts:
                  prod:
                    url: http://cluster:8080
                    services: [ AuthService ]
                """);
        assertThatThrownBy(() -> store.read(file())).isInstanceOf(ContextException.class)
                .hasMessageContaining("services must map service names to their levels");
    }

    @Test
    void aLevelThatIsNoLevelIsFoundWhenTheFileIsRead() throws Exception {
        handWritten("""
                contexts:
                  prod:
                    url: http://cluster:8080
                    services: { TimeService: { warn-healthy: six } }
                """);

        assertThatThrownBy(() -> store.read(file())).isInstanceOf(ContextException.class)
                .hasMessage(file() + ": context 'prod': service 'TimeService': warn-healthy 'six' is neither a count "
                        + "like 2 nor a share like 50% (fix or remove it in that file)");
    }
}
