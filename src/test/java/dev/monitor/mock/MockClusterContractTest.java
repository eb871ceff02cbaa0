package dev.monitor.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.monitor.testing.ExpectedFleet;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;

/** The mock speaks the contract of docs/api.md exactly, checked over HTTP with rest-assured. */
@QuarkusTest
class MockClusterContractTest {

    @Inject
    Vertx vertx;

    private MockCluster cluster;

    @BeforeEach
    void start() {
        cluster = MockCluster.random(150, Duration.ZERO, null);
        RestAssured.port = cluster.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        cluster.stop().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void serversListsTheReferenceFleetInOrder() {
        List<String> servers = given().get("/servers").then()
                .statusCode(200)
                .contentType("application/json")
                .body("$", hasSize(150))
                .extract().jsonPath().getList("$", String.class);
        assertThat(servers.getFirst()).isEqualTo("10.58.1.1");
        assertThat(servers.getLast()).isEqualTo("10.58.1.150");
        assertThat(new HashSet<>(servers)).hasSize(150);
    }

    @Test
    void serverDetailsArePercentagesAndTheMd5Service() throws Exception {
        for (String ip : List.of("10.58.1.1", "10.58.1.77", "10.58.1.150")) {
            given().get("/" + ip).then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("cpu", matchesPattern("(100|[1-9]?[0-9])%"))
                    .body("memory", matchesPattern("(100|[1-9]?[0-9])%"))
                    .body("service", equalTo(ExpectedFleet.service(ip)));
        }
    }

    @Test
    void figuresAreDrawnAfreshOnEveryRequest() {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            answers.add(given().get("/10.58.1.5").then().extract().asString());
        }
        assertThat(answers).hasSizeGreaterThan(1);
    }

    @Test
    void aSeedFixesEachServersFiguresByTheDocumentedRuleWhateverTheOrderOfRequests() {
        MockCluster seeded = MockCluster.random(150, Duration.ZERO, 7L);
        int port = seeded.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
        try {
            ExpectedFleet expected = ExpectedFleet.seeded(150, 7);
            List<String> addresses = List.of("10.58.1.1", "10.58.1.77", "10.58.1.150");
            for (List<String> order : List.of(addresses, addresses.reversed(), addresses)) {
                for (String ip : order) {
                    given().port(port).get("/" + ip).then()
                            .statusCode(200)
                            .body("cpu", equalTo(expected.cpu(ip) + "%"))
                            .body("memory", equalTo(expected.memory(ip) + "%"))
                            .body("service", equalTo(ExpectedFleet.service(ip)));
                }
            }
            assertThat(addresses.stream().map(ip -> expected.cpu(ip) + "/" + expected.memory(ip)).distinct())
                    .as("the rule gives the servers figures of their own").hasSizeGreaterThan(1);
        } finally {
            seeded.stop().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void unlistedAddressesAndOtherPathsAreInvalidIp() {
        for (String path : List.of("/10.58.1.151", "/10.58.1.0", "/abc", "/", "/servers/x", "/10.58.1.1/x")) {
            given().get(path).then()
                    .statusCode(400)
                    .contentType("application/json")
                    .body("error", equalTo("Invalid IP"));
        }
    }

    /** Every server of the service overloaded from the call on, the others as they were; each still answers 200. */
    @Test
    void aServiceMadeUnhealthyAtRunTimeReportsFullFiguresOnEveryServerOfIt() {
        String service = ExpectedFleet.service("10.58.1.1");
        List<String> its = ExpectedFleet.allAt(150, 0).addresses().stream()
                .filter(address -> ExpectedFleet.service(address).equals(service)).toList();
        List<String> others = ExpectedFleet.allAt(150, 0).addresses().stream()
                .filter(address -> !ExpectedFleet.service(address).equals(service)).toList();
        assertThat(its.stream().map(address -> given().get("/" + address).jsonPath().getString("cpu")))
                .as("drawn at random before").anyMatch(cpu -> !cpu.equals("100%"));

        cluster.makeUnhealthy(service);

        for (String address : its) {
            given().get("/" + address).then().statusCode(200).body("cpu", equalTo("100%"))
                    .body("memory", equalTo("100%")).body("service", equalTo(service));
        }
        assertThat(others.stream().map(address -> given().get("/" + address).jsonPath().getString("cpu")))
                .anyMatch(cpu -> !cpu.equals("100%"));
        assertThat(catchThrowable(() -> cluster.makeUnhealthy("NoService")))
                .hasMessageStartingWith("no service 'NoService' in the mock; its services: PermissionsService, ");
    }
}
