package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.CapturedRun;
import dev.monitor.testing.ContextsFolder;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Secret;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Named clusters: {@code monitor context add|list|use|remove} changing the file {@code $MONITOR_CONFIG} names, by
 * hand-written entries, broken ones and comments, and runs that take their cluster, token and levels from a context.
 * The packaged ContextIT checks what the process environment itself decides.
 */
@QuarkusTest
class ContextCommandTest {

    private static final String TOKEN = "ctx-token-71be04";

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(20, 50);

    /** Asks for {@link #TOKEN}. */
    @RegisterExtension
    static MockClusterExtension guarded = new MockClusterExtension(20, 50);

    private final CommandRuns launcher = new CommandRuns();

    @TempDir
    Path temp;

    private ContextsFolder contexts;

    @BeforeEach
    void ownContextsFile() {
        contexts = new ContextsFolder(temp);
    }

    private CapturedRun monitor(String... args) {
        return launcher.withEnvironment(contexts.environment()).launch(args);
    }

    private CapturedRun check(String... args) {
        return monitor(contexts.check(args));
    }

    private Path config() {
        return contexts.file();
    }

    private void handWritten(String yaml) throws Exception {
        contexts.handWritten(yaml);
    }

    @Test
    void listingNoContextsSaysHowToAddOneOnStderr() throws Exception {
        CapturedRun list = monitor("context", "list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).as("the list itself, empty, for scripts").isEmpty();
        assertThat(list.err()).isEqualTo("monitor: no contexts in " + config()
                + " yet; add one with monitor context add NAME --url URL\n");
    }

    @Test
    void contextsRoundTripThroughAPrivateFileThatHoldsNoToken() throws Exception {
        Path token = Files.writeString(temp.resolve("token"), TOKEN);
        guarded.cluster().requireAuthorization("Bearer " + TOKEN);

        assertThat(monitor("context", "add", "prod", "--url", guarded.url(), "--token-file", token.toString(),
                "--min-healthy", "50%", "--expect-service", "AuthService").exitCode()).isZero();
        assertThat(monitor("context", "add", "lab", "--url", "http://127.0.0.1:1").exitCode()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config())))
                .isEqualTo("rw-------");
        String file = Files.readString(config());
        assertThat(file).contains("prod", "lab", token.toString(), "50%", "AuthService");
        Secret.token(TOKEN).assertNotIn(config().toString(), file);
        assertThat(file).as("lab's --min-healthy was not given: no default is saved as if it had been")
                .doesNotContain("min-healthy: '2'");
        assertThat(monitor("context", "list").out())
                .isEqualTo("  lab  http://127.0.0.1:1\n* prod  " + guarded.url() + "\n");

        CapturedRun current = check();
        assertThat(current.exitCode()).as(current.err()).isZero();
        Secret.token(TOKEN).assertNotIn(current);

        CapturedRun expectMore = check("--expect-service", "BillingService");
        assertThat(expectMore.exitCode()).as("a flag beats the context's list").isEqualTo(2);

        assertThat(monitor("context", "use", "lab").exitCode()).isZero();
        assertThat(check("--retries", "0").exitCode()).as("lab's API is not there").isEqualTo(3);
        CapturedRun named = check("--context", "prod");
        assertThat(named.exitCode()).as("--context picks prod for one run").isZero();
        assertThat(monitor("context", "list").out()).startsWith("* lab");

        assertThat(monitor("context", "remove", "lab").exitCode()).isZero();
        assertThat(monitor("context", "list").out()).isEqualTo("  prod  " + guarded.url() + "\n");
        Secret.token(TOKEN).assertNotInFilesUnder(temp, token);
    }

    /** The mock's 20 servers are all healthy; AuthService has 2 of them, TimeService 5, GeoService none. */
    @Test
    void perServiceLevelsRoundTripThroughTheFileAndDecideTheRun() throws Exception {
        assertThat(monitor("context", "add", "prod", "--url", mock.url(), "--service-min-healthy", "AuthService=3",
                "--service-warn-healthy", "TimeService=6", "--service-min-healthy", "GeoService=5").exitCode()).isZero();
        assertThat(monitor("context", "add", "lab", "--url", "http://127.0.0.1:1").exitCode())
                .as("rewrites the file").isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config()))).isEqualTo("rw-------");
        String file = Files.readString(config());
        assertThat(file).contains("""
                    services:
                      AuthService:
                        min-healthy: '3'
                      GeoService:
                        min-healthy: '5'
                      TimeService:
                        warn-healthy: '6'
                """);

        CapturedRun run = check("--context", "prod");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        // This 20-server cluster has no GeoService: its level from the context is said to apply to nothing.
        assertThat(run.err().lines()).containsExactly(
                "monitor: warning: the cluster lists no service GeoService, so its own level applies to nothing "
                        + "(a misspelt name?)",
                "monitor: CRITICAL: 1 of 8 services below their minimum: AuthService 2/2 (minimum 3); 1 of 8 services "
                        + "below their warning level: TimeService 5/5 (warning level 6)");

        CapturedRun flag = check("--context", "prod", "--service-min-healthy", "AuthService=2");
        assertThat(flag.exitCode()).as("the flag beats Auth's minimum; Time's warning level stays").isEqualTo(1);

        CapturedRun json = check("--context", "prod", "-o", "json");
        assertThat(json.out()).contains("\"AuthService\" : {\n        \"minHealthy\" : 3,");

        Files.writeString(config(), Files.readString(config()).replace("warn-healthy: '6'", "warn-healthy: six"));
        CapturedRun bad = check("--context", "prod");
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err().lines().findFirst().orElseThrow())
                .isEqualTo("monitor: " + config() + ": context 'prod': service 'TimeService': warn-healthy 'six' is "
                        + "neither a count like 2 nor a share like 50% (fix or remove it in that file)");
    }

    @Test
    void unknownContextsAndBadInputAreUsageErrors() throws Exception {
        CapturedRun unknown = check("--context", "nope");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).contains("no context named 'nope'");

        CapturedRun credentials = monitor("context", "add", "x", "--url", mock.url(), "--proxy",
                "http://u:secret@127.0.0.1:3128");
        assertThat(credentials.exitCode()).isEqualTo(3);
        assertThat(credentials.err()).contains("--proxy must not carry credentials");
        Secret.password("u", "secret").assertNotIn(credentials);

        assertThat(monitor("context", "use", "nope").exitCode()).isEqualTo(3);
    }

    @Test
    void blankOrOddContextNamesAreUsageErrorsOfOneLine() throws Exception {
        for (String name : List.of("", " ", "prod eu", "prod\u0007")) {
            CapturedRun add = monitor("context", "add", name, "--url", mock.url());
            assertThat(add.exitCode()).as("'" + name + "'").isEqualTo(3);
            assertThat(add.err().lines().toList()).as("'" + name + "'").containsExactly("monitor: context name '" + name
                    + "' must be letters, digits, '.', '_' and '-', starting with a letter or digit",
                    "Try 'monitor context add --help' for more information.");
        }
        assertThat(Files.exists(config())).as("nothing saved, nothing made current").isFalse();

        assertThat(monitor("context", "add", "prod", "--url", mock.url()).exitCode()).isZero();
        CapturedRun blankRun = check("--context", "");
        assertThat(blankRun.exitCode()).isEqualTo(3);
        assertThat(blankRun.err().lines().findFirst().orElseThrow())
                .isEqualTo("monitor: --context needs a context name, not ''; known: prod");
        CapturedRun blankUse = monitor("context", "use", "");
        assertThat(blankUse.exitCode()).isEqualTo(3);
        assertThat(blankUse.err().lines().findFirst().orElseThrow())
                .isEqualTo("monitor: a context name cannot be blank; known: prod");
    }

    @Test
    void aMisspeltKeyMakesTheEntryBrokenRatherThanIgnored() throws Exception {
        handWritten("""
                current-context: typo
                contexts:
                  typo: { url: %s, min-helthy: 3 }
                """.formatted(mock.url()));
        String problem = "unknown key 'min-helthy' (known: url, token-file, cacert, proxy, min-healthy, warn-healthy, "
                + "expect-services, services)";

        CapturedRun list = monitor("context", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("* typo  broken: " + problem + "\n");

        CapturedRun run = check();
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines().toList()).containsExactly("monitor: " + config() + ": context 'typo': " + problem
                + " (fix or remove it in that file)", "Try 'monitor --help' for more information.");

        assertThat(monitor("context", "add", "typo", "--url", mock.url(), "--min-healthy", "3").exitCode()).isZero();
        CapturedRun replaced = check();
        assertThat(replaced.exitCode()).as("the minimum of 3 asked for now applies: " + replaced.err()).isEqualTo(2);
    }

    @Test
    void aBrokenContextStopsOnlyTheRunsThatReadTheFile() throws Exception {
        handWritten("""
                current-context: prod
                contexts:
                  prod:
                    url: %s
                    services: { AuthService: { min_healthy: 3 } }
                """.formatted(mock.url()));

        CapturedRun named = check("--url", mock.url());
        CapturedRun fromContext = check("--context", "prod");

        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(fromContext.exitCode()).isEqualTo(3);
        assertThat(fromContext.err()).startsWith("monitor: " + config() + ": context 'prod': service 'AuthService' "
                + "must hold min-healthy and/or warn-healthy, and nothing else (fix or remove it in that file)");

        // A file no run could read at all: one that names its cluster never opens it.
        handWritten("contexts: [ not, a, map\n");
        CapturedRun unreadable = check("--url", mock.url());
        assertThat(unreadable.exitCode()).as(unreadable.err()).isZero();
        assertThat(check("--context", "prod").exitCode()).as("a run that needs the file fails on it").isEqualTo(3);
    }

    @Test
    void aBrokenEntryIsListedWithItsProblemAndRemovedWithoutTouchingTheOthers() throws Exception {
        handWritten("""
                current-context: prod
                contexts:
                  bad: { min-healthy: 3 }
                  prod: { url: %s }
                  worse: { url: http://127.0.0.1:1, min-healthy: x }
                """.formatted(mock.url()));

        CapturedRun list = monitor("context", "list");
        assertThat(list.exitCode()).as("listing worked; stderr says what to fix").isZero();
        assertThat(list.out()).isEqualTo("""
                  bad  broken: no url
                * prod  %s
                  worse  broken: min-healthy 'x' is neither a count like 2 nor a share like 50%%
                """.formatted(mock.url()));
        assertThat(list.err()).isEqualTo("monitor: warning: broken contexts in " + config() + ": bad, worse (fix them "
                + "there, or remove them with monitor context remove NAME)\n");

        CapturedRun prod = check();
        assertThat(prod.exitCode()).as("a broken entry stops only the runs that use it: " + prod.err()).isZero();

        String before = Files.readString(config());
        CapturedRun use = monitor("context", "use", "bad");
        assertThat(use.exitCode()).isEqualTo(3);
        assertThat(use.err().lines().findFirst().orElseThrow())
                .isEqualTo("monitor: " + config() + ": context 'bad': no url (fix or remove it in that file)");
        assertThat(Files.readString(config())).as("a refused command leaves the file as it was").isEqualTo(before);

        assertThat(monitor("context", "remove", "bad").exitCode()).isZero();
        assertThat(monitor("context", "list").out()).isEqualTo("""
                * prod  %s
                  worse  broken: min-healthy 'x' is neither a count like 2 nor a share like 50%%
                """.formatted(mock.url()));
        assertThat(Files.readString(config())).as("the other broken entry, as it was").contains("min-healthy: x");

        CapturedRun worse = check("--context", "worse");
        assertThat(worse.exitCode()).isEqualTo(3);
        assertThat(worse.err().lines().findFirst().orElseThrow()).isEqualTo("monitor: " + config() + ": context "
                + "'worse': min-healthy 'x' is neither a count like 2 nor a share like 50% (fix or remove it in that file)");

        assertThat(monitor("context", "remove", "worse").exitCode()).isZero();
        CapturedRun repaired = monitor("context", "list");
        assertThat(repaired.out()).isEqualTo("* prod  " + mock.url() + "\n");
        assertThat(repaired.err()).isEmpty();
    }

    @Test
    void contextAddRefusesLevelsARunOfItWouldRefuseAndLeavesTheFileAsItWas() throws Exception {
        assertThat(monitor("context", "add", "prod", "--url", mock.url()).exitCode()).isZero();
        String before = Files.readString(config());

        for (List<String> levels : List.of(
                List.of("--warn-healthy", "1"),
                List.of("--service-warn-healthy", "AuthService=1"),
                List.of("--warn-healthy", "3", "--service-min-healthy", "AuthService=4"))) {
            List<String> args = new ArrayList<>(List.of("context", "add", "lab", "--url", mock.url()));
            args.addAll(levels);
            CapturedRun add = monitor(args.toArray(String[]::new));
            assertThat(add.exitCode()).as(String.join(" ", levels)).isEqualTo(3);
            assertThat(add.err().lines()).as(String.join(" ", levels)).hasSize(2)
                    .last().asString().startsWith("Try 'monitor context add --help'");
            assertThat(Files.readString(config())).as("nothing saved").isEqualTo(before);
        }
        assertThat(monitor("context", "add", "lab", "--url", mock.url(), "--warn-healthy", "1").err())
                .startsWith("monitor: context 'lab': warn-healthy 1 is below the default min-healthy 2: the warning "
                        + "level must be the higher one\n");
        assertThat(monitor("context", "add", "lab", "--url", mock.url(), "--service-warn-healthy", "AuthService=1")
                .err()).startsWith("monitor: context 'lab': warn-healthy 1 of service 'AuthService' is below the "
                        + "default min-healthy 2: ");
        assertThat(monitor("context", "add", "lab", "--url", mock.url(), "--warn-healthy", "3",
                "--service-min-healthy", "AuthService=4").err())
                .startsWith("monitor: context 'lab': warn-healthy 3 is below min-healthy 4 of service 'AuthService': ");
        assertThat(monitor("context", "add", "lab", "--url", mock.url(), "--min-healthy", "1", "--warn-healthy", "1")
                .exitCode()).as("a minimum of its own makes the same warning level fine").isZero();
    }

    /** In SnakeYAML's own layout (one space before an end-of-line comment), so what stays is byte for byte. */
    @Test
    void contextUseAddAndRemoveChangeOnlyWhatTheyNameInAHandCommentedFile() throws Exception {
        String commented = """
                # our clusters; also edited by hand

                current-context: prod # on call
                owner: platform-team
                contexts:
                  # production: page before touching
                  prod:
                    url: %s # behind the VPN
                    # paged by payments
                    min-healthy: 1
                  lab:
                    url: http://127.0.0.1:1 # scratch
                """.formatted(mock.url());
        handWritten(commented);

        assertThat(monitor("context", "use", "lab").exitCode()).isZero();
        String used = commented.replace("current-context: prod #", "current-context: lab #");
        assertThat(Files.readString(config())).isEqualTo(used);

        assertThat(monitor("context", "add", "stage", "--url", "http://127.0.0.1:2").exitCode()).isZero();
        String added = used + """
                  stage:
                    url: http://127.0.0.1:2
                """;
        assertThat(Files.readString(config())).isEqualTo(added);

        assertThat(monitor("context", "add", "prod", "--url", mock.url(), "--min-healthy", "3").exitCode()).isZero();
        String replaced = added.replace("    min-healthy: 1\n", "    min-healthy: '3'\n");
        assertThat(Files.readString(config())).as("prod's comments stay")
                .isEqualTo(replaced);
        CapturedRun prod = check("--context", "prod");
        assertThat(prod.exitCode()).as("the minimum of 3 now in prod decides the run: " + prod.err()).isEqualTo(2);

        assertThat(monitor("context", "remove", "lab").exitCode()).isZero();
        assertThat(Files.readString(config())).as("lab was the current context: current-context goes with it")
                .isEqualTo(replaced.replace("current-context: lab # on call\n", "")
                        .replace("  lab:\n    url: http://127.0.0.1:1 # scratch\n", ""));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config()))).isEqualTo("rw-------");
    }

    @Test
    void aContextWhoseUrlIsNotHttpOrHttpsIsListedBrokenAndStopsItsRun() throws Exception {
        handWritten("""
                current-context: ftp
                contexts:
                  ftp: { url: ftp://cluster.internal }
                  prod: { url: %s }
                """.formatted(mock.url()));
        String problem = "url must be an http:// or https:// URL with a host, not 'ftp://cluster.internal'";

        CapturedRun list = monitor("context", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("* ftp  broken: " + problem + "\n  prod  " + mock.url() + "\n");

        CapturedRun run = check();
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("monitor: " + config() + ": context 'ftp': "
                + problem + " (fix or remove it in that file)");

        CapturedRun add = monitor("context", "add", "lab", "--url", "ftp://cluster.internal");
        assertThat(add.exitCode()).isEqualTo(3);
        assertThat(add.err().lines().findFirst().orElseThrow()).as("the same words as the file's")
                .isEqualTo("monitor: --" + problem);
    }
}
