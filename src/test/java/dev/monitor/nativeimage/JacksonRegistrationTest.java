package dev.monitor.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.monitor.cli.MonitorCommand;
import dev.monitor.nativeimage.fixture.JacksonFixtures;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.SnapshotCodec;

/**
 * A native image binds by reflection only what was registered for it, and {@code -Dquarkus.native.sources-only}
 * (what CI can build without GraalVM) does not run the analysis that would notice. So this test does: every class
 * that Jackson databind binds outside the REST client must carry {@code @RegisterForReflection} or be named by one.
 */
class JacksonRegistrationTest {

    @Test
    void everyClassJacksonBindsOutsideTheRestClientIsRegisteredForReflection() throws IOException {
        Path classes = Path.of("target", "classes");
        JacksonBindings bindings = JacksonBindings.of(classes);

        // A scan that read nothing would find nothing unregistered: it must have read every compiled class.
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(bindings.scanned()).as("classes read from " + classes)
                    .hasSize((int) files.filter(file -> file.toString().endsWith(".class")).count())
                    .contains(MonitorCommand.class.getName(), SnapshotCodec.class.getName(), Server.Measured.class.getName());
        }
        assertThat(bindings.unregistered())
                .as("classes Jackson binds without @RegisterForReflection (the native binary could not bind them)")
                .isEmpty();
    }

    @Test
    void findsEveryWayOfBindingAndEveryWayOfRegistering() throws URISyntaxException {
        Path fixtures = Path.of(JacksonFixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/monitor/nativeimage/fixture");
        JacksonBindings bindings = JacksonBindings.of(fixtures);

        String prefix = JacksonFixtures.class.getName() + "$";
        assertThat(bindings.bound()).containsExactlyInAnyOrder(prefix + "Report", prefix + "Line", prefix + "Row",
                prefix + "Elsewhere", prefix + "Annotated");
        assertThat(bindings.unregistered()).containsExactlyInAnyOrder(prefix + "Report", prefix + "Line",
                prefix + "Annotated");
    }
}
