package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import dev.monitor.testing.ContextsFolder;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Secret;

/**
 * Named clusters through the packaged artifact, with the variables set in a real process environment:
 * {@code $MONITOR_CONFIG} names the contexts file, {@code $MONITOR_CONTEXT} picks a context for one run, and
 * {@code $MONITOR_MIN_HEALTHY} is the default a context's levels are checked against. The rest of
 * {@code monitor context add|list|use|remove} is ContextCommandTest's, in-process.
 *
 * <p>
 * Each test has a folder and a config file of its own, so the tests run at once; the one whose mock asks for a
 * token has a mock of its own.
 */
@Execution(ExecutionMode.CONCURRENT)
class ContextIT {

    private static final String TOKEN = "ctx-token-71be04";

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(20, 50);

    /** Asks for {@link #TOKEN}: a mock of its own, so that the test on {@link #mock} need not wait for it. */
    @RegisterExtension
    static MockClusterExtension guarded = new MockClusterExtension(20, 50);

    @TempDir
    Path temp;

    private ContextsFolder contexts;

    @BeforeEach
    void ownContextsFile() {
        contexts = new ContextsFolder(temp);
    }

    private ArtifactRun monitor(String... args) throws Exception {
        return ArtifactRun.of(temp, contexts.environment(), args);
    }

    private ArtifactRun check(String... args) throws Exception {
        return monitor(contexts.check(args));
    }

    /**
     * What the process environment itself decides: {@code $MONITOR_CONFIG} names the file, {@code $MONITOR_CONTEXT}
     * picks a context for one run, whose token is sent (the mock asks for it) and shown nowhere. The rest of the
     * round trip is ContextCommandTest's.
     */
    @Test
    void aContextPickedByTheEnvironmentSendsItsTokenAndShowsItNowhere() throws Exception {
        Path token = Files.writeString(temp.resolve("token"), TOKEN);
        guarded.cluster().requireAuthorization("Bearer " + TOKEN);
        ArtifactRun add = monitor("context", "add", "prod", "--url", guarded.url(), "--token-file", token.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(monitor("context", "add", "lab", "--url", "http://127.0.0.1:1").exitCode()).isZero();
        assertThat(monitor("context", "use", "lab").exitCode()).as("the file's current context is not prod").isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(contexts.file())))
                .isEqualTo("rw-------");

        ArtifactRun fromEnvironment = ArtifactRun.of(temp, Map.of("MONITOR_CONFIG", contexts.file().toString(),
                "MONITOR_CONTEXT", "prod"), contexts.check());

        assertThat(fromEnvironment.exitCode()).as("$MONITOR_CONTEXT picks prod for one run: "
                + fromEnvironment.err()).isZero();
        Secret.token(TOKEN).assertNotIn(contexts.file().toString(), Files.readString(contexts.file()));
        Secret.token(TOKEN).assertNotIn(fromEnvironment);
        // Every run's stdout and stderr are kept under temp too, beside the contexts file and the snapshot.
        Secret.token(TOKEN).assertNotInFilesUnder(temp, token);
    }

    /** Against the defaults in force: with $MONITOR_MIN_HEALTHY at 1, a warning level of 1 is saved. */
    @Test
    void aSavedContextsLevelsARunRefusesAreNamedAsTheContextsNotAsFlags() throws Exception {
        ArtifactRun add = ArtifactRun.of(temp, Map.of("MONITOR_CONFIG", contexts.file().toString(),
                "MONITOR_MIN_HEALTHY", "1"), "context", "add", "lab", "--url", mock.url(), "--warn-healthy", "1");
        assertThat(add.exitCode()).as(add.err()).isZero();

        ArtifactRun run = check("--context", "lab");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("monitor: context 'lab': warn-healthy 1 is "
                + "below the default min-healthy 2: the warning level must be the higher one");
        assertThat(check("--context", "lab", "--min-healthy", "5").err()).as("a flag against the context's level")
                .startsWith("monitor: context 'lab': warn-healthy 1 is below --min-healthy 5: ");
        ArtifactRun flag = check("--context", "lab", "--min-healthy", "1");
        assertThat(flag.exitCode()).as(flag.err()).isZero();

        contexts.handWritten("""
                current-context: prod
                contexts:
                  prod:
                    url: %s
                    services: { AuthService: { min-healthy: 3, warn-healthy: 2 } }
                """.formatted(mock.url()));
        assertThat(check().err().lines().findFirst().orElseThrow()).isEqualTo("monitor: context 'prod': warn-healthy 2 "
                + "of service 'AuthService' is below min-healthy 3 of service 'AuthService': the warning level must be "
                + "the higher one");
        assertThat(check("--service-warn-healthy", "AuthService=3").exitCode())
                .as("judged, not refused: the flag replaces the context's warning level of AuthService, whose 2 "
                        + "servers are below its minimum of 3").isEqualTo(2);
    }
}
