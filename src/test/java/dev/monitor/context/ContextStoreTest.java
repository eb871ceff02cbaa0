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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;
import dev.monitor.testing.SpecialFiles;

/**
 * The contexts file written and read back: the per-service block, its mode, what it refuses, broken entries, and
 * what a change leaves as it was.
 */
class ContextStoreTest {

    /** Laid out as SnakeYAML writes (one space before an end-of-line comment), so it is written back to the byte. */
    private static final String COMMENTED = """
            # monitor's clusters, also edited by hand
            # (see the on-call runbook)

            current-context: prod # the one on call
            owner: platform-team
            contexts:
              # production: page before touching
              prod:
                url: https://cluster.internal:8443 # behind the VPN
                min-healthy: 50%
                # paged by payments
                cacert: /etc/pki/cluster-ca.pem
              lab:
                url: http://lab:8080 # scratch cluster
            # end of file
            """;

    private static final ClusterContext STAGE = new ClusterContext("http://stage:8080", null, null, null,
            Optional.empty(), Optional.empty(), null, null);

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
        store.update(file(), contexts -> contexts.with("prod", prod));

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

        store.update(file(), contexts -> contexts.with("lab", new ClusterContext("http://lab:8080", null, null, null,
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
        assertThatThrownBy(() -> store.read(file()).get("prod")).isInstanceOf(ContextException.class)
                .hasMessage(file() + ": context 'prod': service 'AuthService' must hold min-healthy and/or "
                        + "warn-healthy, and nothing else (fix or remove it in that file)");

        handWritten("""
                contexts:
                  prod:
                    url: http://cluster:8080
                    services: [ AuthService ]
                """);
        assertThatThrownBy(() -> store.read(file()).get("prod")).isInstanceOf(ContextException.class)
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

        assertThat(store.read(file()).entries().get("prod")).isInstanceOf(BrokenContext.class);
        assertThatThrownBy(() -> store.read(file()).get("prod")).isInstanceOf(ContextException.class)
                .hasMessage(file() + ": context 'prod': service 'TimeService': warn-healthy 'six' is neither a count "
                        + "like 2 nor a share like 50% (fix or remove it in that file)");
    }

    @Test
    void brokenEntriesAreKeptWithTheirProblemAndWrittenBackAsTheyWere() throws Exception {
        handWritten("""
                current-context: bad
                contexts:
                  bad: { min-healthy: 3 }
                  prod: { url: http://cluster:8080 }
                  worse: { url: http://lab:8080, min-healthy: x, services: { AuthService: { warn-healthy: 4 } } }
                  numbered: { url: 12 }
                  single: { url: http://lab:8080, expect-services: AuthService }
                """);

        Contexts contexts = store.read(file());
        assertThat(contexts.entries()).containsOnlyKeys("bad", "prod", "worse", "numbered", "single");
        assertThat(((BrokenContext) contexts.entries().get("single")).problem())
                .isEqualTo("expect-services must be a list of service names, like [AuthService, IdService]");
        assertThat(((BrokenContext) contexts.entries().get("numbered")).problem())
                .isEqualTo("url 12 is not a URL like http://cluster.example:8080");
        assertThat(contexts.entries().get("bad")).isEqualTo(new BrokenContext(file(), "no url"));
        assertThat(((BrokenContext) contexts.entries().get("worse")).problem())
                .isEqualTo("min-healthy 'x' is neither a count like 2 nor a share like 50%");
        assertThat(contexts.get("prod")).isPresent();
        assertThatThrownBy(() -> contexts.using("worse")).isInstanceOf(ContextException.class)
                .hasMessage(file() + ": context 'worse': min-healthy 'x' is neither a count like 2 nor a share like 50% "
                        + "(fix or remove it in that file)");

        store.update(file(), read -> read.without("bad"));

        Contexts repaired = store.read(file());
        assertThat(repaired.current()).as("the removed entry was the current one").isNull();
        assertThat(repaired.entries()).containsOnlyKeys("prod", "worse", "numbered", "single");
        assertThat(repaired.entries().get("worse")).as("the other broken entry, untouched")
                .isEqualTo(contexts.entries().get("worse"));
        assertThat(repaired.get("prod")).isEqualTo(contexts.get("prod"));

        ClusterContext lab = new ClusterContext("http://lab:8080", null, null, null, Optional.empty(), Optional.empty(),
                null, null);
        assertThat(repaired.with("worse", lab).get("worse")).as("adding a context of its name replaces it").contains(lab);
    }

    @Test
    void contextUseChangesOnlyTheCurrentContext() throws Exception {
        handWritten(COMMENTED);

        store.update(file(), contexts -> contexts.using("lab"));

        assertThat(Files.readString(file()))
                .isEqualTo(COMMENTED.replace("current-context: prod #", "current-context: lab #"));
    }

    @Test
    void contextAddOfANewNameAppendsItAndLeavesTheRestAsItWas() throws Exception {
        handWritten(COMMENTED);

        store.update(file(), contexts -> contexts.with("stage", STAGE));

        assertThat(Files.readString(file())).isEqualTo(COMMENTED.replace("# end of file", """
                  stage:
                    url: http://stage:8080
                # end of file"""));
    }

    @Test
    void contextAddOverAnEntryRewritesItKeepingItsComments() throws Exception {
        handWritten(COMMENTED);
        ClusterContext moved = new ClusterContext("https://cluster2.internal:8443", null, "/etc/pki/cluster-ca.pem",
                "proxy.corp:3128", Optional.empty(), Optional.empty(), null, null);

        store.update(file(), contexts -> contexts.with("prod", moved));

        assertThat(Files.readString(file())).as("min-healthy was not given again: it goes")
                .isEqualTo(COMMENTED.replace("""
                            url: https://cluster.internal:8443 # behind the VPN
                            min-healthy: 50%
                        """, """
                            url: https://cluster2.internal:8443 # behind the VPN
                        """).replace("""
                            cacert: /etc/pki/cluster-ca.pem
                        """, """
                            cacert: /etc/pki/cluster-ca.pem
                            proxy: proxy.corp:3128
                        """));
        assertThat(store.read(file()).get("prod")).contains(moved);
    }

    @Test
    void aKeyMonitorDoesNotKnowBreaksTheEntryUntilContextAddReplacesIt() throws Exception {
        String misspelt = """
                contexts:
                  typo: { url: http://cluster:8080, min-helthy: 3, team: payments }
                  prod: { url: http://cluster:8080, team: payments }
                """;
        handWritten(misspelt);

        Contexts contexts = store.read(file());
        assertThat(contexts.entries().get("typo")).isEqualTo(new BrokenContext(file(), "unknown keys 'min-helthy', "
                + "'team' (known: url, token-file, cacert, proxy, min-healthy, warn-healthy, expect-services, services)"));
        assertThatThrownBy(() -> contexts.get("prod")).isInstanceOf(ContextException.class)
                .hasMessage(file() + ": context 'prod': unknown key 'team' (known: url, token-file, cacert, proxy, "
                        + "min-healthy, warn-healthy, expect-services, services) (fix or remove it in that file)");

        ClusterContext typo = new ClusterContext("http://cluster:8080", null, null, null,
                Optional.of(new HealthyLevel.Count(3)), Optional.empty(), null, null);
        store.update(file(), read -> read.with("typo", typo));

        assertThat(store.read(file()).get("typo")).as("the entry replaced, its unknown keys with it").contains(typo);
        assertThat(Files.readString(file())).as("the other broken entry, as it was")
                .endsWith("  prod: {url: 'http://cluster:8080', team: payments}\n");
    }

    @Test
    void aContextNameOfBlanksOrOtherCharactersIsRefused() throws Exception {
        for (String name : List.of("", " ", "prod eu", "prod\teu", "-prod", "prod/eu", "prod:eu")) {
            assertThatThrownBy(() -> store.update(file(), contexts -> contexts.with(name, STAGE)))
                    .as("'" + name + "'").isInstanceOf(ContextException.class).hasMessage("context name '" + name
                            + "' must be letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        assertThat(Files.exists(file())).isFalse();
        store.update(file(), contexts -> contexts.with("prod-eu_1.b", STAGE));
        assertThat(store.read(file()).get("prod-eu_1.b")).contains(STAGE);
        assertThatThrownBy(() -> store.update(file(), contexts -> contexts.using(""))).isInstanceOf(ContextException.class)
                .hasMessage("a context name cannot be blank; known: prod-eu_1.b");
    }

    @Test
    void contextRemoveTakesOutTheEntryWithTheCommentRightAboveItAndTheCurrentContextItWas() throws Exception {
        handWritten(COMMENTED);

        store.update(file(), contexts -> contexts.without("prod"));

        assertThat(Files.readString(file())).as("the file's header stays").isEqualTo("""
                # monitor's clusters, also edited by hand
                # (see the on-call runbook)

                owner: platform-team
                contexts:
                  lab:
                    url: http://lab:8080 # scratch cluster
                # end of file
                """);
        assertThat(store.read(file()).current()).isNull();
    }

    @Test
    void aCurrentContextNewToTheFileGoesFirstBelowTheFileHeader() throws Exception {
        String withoutCurrent = COMMENTED.replace("current-context: prod # the one on call\n", "");
        handWritten(withoutCurrent);

        store.update(file(), contexts -> contexts.using("lab"));

        assertThat(Files.readString(file()))
                .isEqualTo(withoutCurrent.replace("\nowner:", "\ncurrent-context: lab\nowner:"));
    }

    @Test
    void aFileOfOnlyCommentsKeepsThemAboveTheFirstContext() throws Exception {
        handWritten("# contexts for the lab machines\n");

        store.update(file(), contexts -> contexts.with("stage", STAGE));

        assertThat(Files.readString(file())).isEqualTo("""
                # contexts for the lab machines
                current-context: stage
                contexts:
                  stage:
                    url: http://stage:8080
                """);
    }

    @Test
    void aUrlThatIsNotHttpOrHttpsIsBrokenInTheWordsContextAddUses() throws Exception {
        handWritten("""
                contexts:
                  ftp: { url: ftp://cluster.internal }
                  schemeless: { url: cluster:8080 }
                """);

        Contexts contexts = store.read(file());

        assertThat(((BrokenContext) contexts.entries().get("ftp")).problem())
                .isEqualTo("url must be an http:// or https:// URL with a host, not 'ftp://cluster.internal'");
        assertThat(((BrokenContext) contexts.entries().get("schemeless")).problem())
                .isEqualTo("url must be an http:// or https:// URL with a host, not 'cluster:8080'");
    }

    /** Before, only context add checked a proxy and a blank service name: the file took either, and a run failed. */
    @Test
    void aProxyOrABlankExpectedServiceIsCheckedByTheRuleContextAddUses() throws Exception {
        handWritten("""
                contexts:
                  credentials: { url: http://cluster:8080, proxy: 'http://ops:s3cret@proxy:3128' }
                  schemeless: { url: http://cluster:8080, proxy: 'ftp://proxy:3128' }
                  blank: { url: http://cluster:8080, expect-services: [ AuthService, ' ' ] }
                  fine: { url: http://cluster:8080, proxy: 'proxy.corp:3128', expect-services: [ AuthService ] }
                """);

        Contexts contexts = store.read(file());

        assertThat(((BrokenContext) contexts.entries().get("credentials")).problem())
                .startsWith("proxy must not carry credentials").doesNotContain("s3cret");
        assertThat(((BrokenContext) contexts.entries().get("schemeless")).problem())
                .isEqualTo("proxy must be an http:// proxy URL with a host, like http://proxy.example:3128");
        assertThat(((BrokenContext) contexts.entries().get("blank")).problem())
                .isEqualTo("expect-services needs a service name, not ' '");
        assertThat(contexts.get("fine")).isPresent();
        // context add words the same refusals by its options.
        assertThatThrownBy(() -> ClusterContext.check("http://cluster:8080", "http://ops:s3cret@proxy:3128", null,
                key -> "--" + key)).isInstanceOf(ContextException.class)
                .hasMessageStartingWith("--proxy must not carry credentials");
    }

    @Test
    void aCommentInsideBracketsWhichWouldBeLostIsRefusedAndTheFileLeftAsItWas() throws Exception {
        String bracketed = """
                contexts:
                  prod:
                    url: http://cluster:8080
                    expect-services: [ AuthService, # the gate's reason to be
                      IdService ]
                """;
        handWritten(bracketed);

        assertThatThrownBy(() -> store.update(file(), contexts -> contexts.with("stage", STAGE)))
                .isInstanceOf(ContextException.class).hasMessage(file() + ": line 4: a comment inside { } or [ ], "
                        + "which would be lost to the rewrite (move it out of the brackets)");
        assertThat(Files.readString(file())).isEqualTo(bracketed);
    }

    @Test
    void aFileOverAMebibyteIsRefusedUnparsedAndLeftAsItWas() throws Exception {
        // As in issue 20: one long comment, which SnakeYAML would take seconds and a gigabyte over.
        String huge = "# " + "x".repeat(10_000_000) + "\ncontexts:\n  prod:\n    url: http://cluster:8080\n";
        handWritten(huge);

        assertThatThrownBy(() -> store.read(file())).isInstanceOf(ContextException.class)
                .hasMessage("cannot read " + file() + ": larger than 1 MiB");
        assertThatThrownBy(() -> store.update(file(), contexts -> contexts.with("stage", STAGE)))
                .isInstanceOf(ContextException.class).hasMessage("cannot read " + file() + ": larger than 1 MiB");
        assertThat(Files.size(file())).isEqualTo(huge.length());
    }

    @Test
    void aLineLongerThanAnyUrlPathOrNameIsRefusedWithItsNumber() throws Exception {
        handWritten("contexts:\n  prod:\n    url: http://cluster:8080\n# " + "x".repeat(20_000) + "\n");

        assertThatThrownBy(() -> store.read(file())).isInstanceOf(ContextException.class)
                .hasMessage(file() + ": line 4 is longer than 16 KiB, which no url, path or name needs");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoOrADeviceIsRefusedAtOnceAndNotReplaced() throws Exception {
        Files.createDirectories(file().getParent());
        SpecialFiles.fifo(file());

        assertThatThrownBy(() -> store.read(file())).isInstanceOf(ContextException.class)
                .hasMessage(file() + " is a FIFO, not a contexts file");
        assertThatThrownBy(() -> store.update(file(), contexts -> contexts.with("stage", STAGE)))
                .isInstanceOf(ContextException.class).hasMessage(file() + " is a FIFO, not a contexts file");
        assertThat(SpecialFiles.type(file())).isEqualTo("fifo");
        assertThatThrownBy(() -> store.read(Path.of("/dev/zero"))).isInstanceOf(ContextException.class)
                .hasMessage("/dev/zero is a character device, not a contexts file");
    }
}
