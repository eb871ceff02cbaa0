package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.console.StderrDiagnostics;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import dev.monitor.testing.ExpectedFleet;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.PlainFetch;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The cache policy, called as a bean: the real client over a real socket to the mock, the real snapshot file in a
 * temporary folder. Which requests reach the mock is what proves each decision.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@QuarkusTest
class ClusterReaderTest {

    private static final int SERVERS = 30;

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(SERVERS, 50);

    @Inject
    ClusterReader reader;

    @Inject
    SnapshotRepository snapshots;

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();
    private final Diagnostics diagnostics = new StderrDiagnostics(new PrintWriter(err), true);

    private URI endpoint() {
        return URI.create(mock.url());
    }

    private ReadRequest request(boolean refresh) {
        return new ReadRequest(endpoint(), temp.resolve("snapshot.json"),
                PlainFetch.settings(8, Duration.ofSeconds(2), 0), Duration.ofMinutes(1), Duration.ofHours(1), refresh);
    }

    private void saved(URI endpoint, Duration age) throws Exception {
        snapshots.write(temp.resolve("snapshot.json"), new Snapshot(endpoint, Instant.now().minus(age),
                List.of(new Server.Measured("10.0.0.1", "AuthService", 1, 1))));
    }

    @Test
    void aSnapshotYoungerThanMaxAgeIsUsedWithoutAskingTheApi() throws Exception {
        saved(endpoint(), Duration.ofSeconds(10));
        int requests = mock.cluster().requestCount();

        Reading reading = reader.read(request(false), diagnostics);

        assertThat(reading.fromCache()).isTrue();
        assertThat(reading.snapshot().servers()).extracting(Server::ip).containsExactly("10.0.0.1");
        assertThat(mock.cluster().requestCount()).isEqualTo(requests);
    }

    @Test
    void anOlderSnapshotIsReplacedByAFreshFetchOfEveryServer() throws Exception {
        saved(endpoint(), Duration.ofMinutes(5));
        int requests = mock.cluster().requestCount();

        Reading reading = reader.read(request(false), diagnostics);

        assertThat(reading.fromCache()).isFalse();
        assertThat(mock.cluster().requestCount() - requests).as("the list and each server").isEqualTo(SERVERS + 1);
        assertThat(snapshots.read(temp.resolve("snapshot.json"))).get()
                .extracting(snapshot -> snapshot.servers().size()).isEqualTo(SERVERS);
    }

    @Test
    void aSnapshotOfAnotherEndpointIsNeitherUsedNorShownStale() throws Exception {
        saved(URI.create("http://other.example:8080"), Duration.ofSeconds(10));

        Reading reading = reader.read(request(false), diagnostics);

        assertThat(reading.fromCache()).isFalse();
        assertThat(reading.snapshot().endpoint()).isEqualTo(endpoint());
        assertThat(err.toString()).contains("is of http://other.example:8080, not " + endpoint() + "; fetching afresh");
    }

    @Test
    void aServiceIsFoundInTheSavedListAndOnlyItsServersAreFetchedAfresh() throws Exception {
        reader.read(request(true), diagnostics);
        String service = ExpectedFleet.service(ExpectedFleet.allAt(SERVERS, 50).addresses().getFirst());
        List<String> ofService = ExpectedFleet.allAt(SERVERS, 50).addresses().stream()
                .filter(ip -> ExpectedFleet.service(ip).equals(service)).toList();
        int lists = mock.cluster().requestCount("/servers");
        int requests = mock.cluster().requestCount();

        List<Server> servers;
        // --refresh does not make a watch ask for the list again: the list is read by the cache policy.
        try (ClusterConnection connection = reader.connect(endpoint(), request(true).fetch())) {
            servers = reader.readService(request(true), service, connection, diagnostics);
        }

        assertThat(servers).extracting(Server::ip).containsExactlyInAnyOrderElementsOf(ofService);
        assertThat(servers).allSatisfy(server -> assertThat(server).isInstanceOf(Server.Measured.class));
        assertThat(mock.cluster().requestCount("/servers")).isEqualTo(lists);
        assertThat(mock.cluster().requestCount() - requests).isEqualTo(ofService.size());
    }

    @Test
    void aServiceTheClusterDoesNotListIsRefusedNamingTheOnesItDoes() {
        try (ClusterConnection connection = reader.connect(endpoint(), request(false).fetch())) {
            assertThatThrownBy(() -> reader.readService(request(false), "NoSuchService", connection, diagnostics))
                    .isInstanceOf(UnknownServiceException.class)
                    .hasMessageStartingWith("no service named 'NoSuchService'; known services: ")
                    .hasMessageContaining("AuthService");
        }
    }
}
