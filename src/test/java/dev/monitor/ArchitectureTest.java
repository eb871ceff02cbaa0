package dev.monitor;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;
import dev.monitor.snapshot.Snapshot;
import io.vertx.core.http.HttpServer;

/**
 * The rooms of monitor's main code and the one way data flows through them, as package-info.java draws them: read
 * from the compiled classes, so a fully qualified name slips by no more than an import does.
 */
class ArchitectureTest {

    /** The main code only: a test may reach into any room. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.monitor");

    @Test
    void nothingImportsCli() {
        noClasses().that().resideOutsideOfPackage("dev.monitor.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.monitor.cli..")
                .because("cli is the top room: commands call the rooms below, nothing calls back up")
                .check(MAIN);
    }

    @Test
    void noRoomBelowCliImportsPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.monitor.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.quarkus.picocli..")
                .because("the rooms below cli work without a command line: tests, a server, another front end")
                .check(MAIN);
    }

    /**
     * Snapshot, Server and Shard are the data analysed; the rest of snapshot/ is its file. A URI is a name, not I/O.
     */
    @Test
    void analysisImportsNoIo() {
        noClasses().that().resideInAPackage("dev.monitor.analysis..")
                .should().dependOnClassesThat(resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                        "io.vertx..", "io.netty..", "jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.rest..",
                        "io.smallrye.mutiny..", "com.fasterxml.jackson..", "org.yaml..",
                        "dev.monitor.fetch..", "dev.monitor.api..", "dev.monitor.history..", "dev.monitor.files..",
                        "dev.monitor.console..", "dev.monitor.check..", "dev.monitor.context..",
                        "dev.monitor.render..", "dev.monitor.mock..", "dev.monitor.serve..")
                        .and(not(equivalentTo(URI.class)))
                        .or(resideInAPackage("dev.monitor.snapshot..")
                                .and(not(equivalentTo(Snapshot.class))).and(not(assignableTo(Server.class)))
                                .and(not(equivalentTo(Shard.class)))))
                .because("analysis is pure functions of the data it is handed: no files, no network, no terminal")
                .check(MAIN);
    }

    /**
     * Only the exporter and the mock answer HTTP: every other room is a client of the cluster API or works on values,
     * and a port opened anywhere else would be one that no option controls ({@code --listen}, {@code mock-server
     * --host}).
     */
    @Test
    void onlyServeAndMockOpenAPort() {
        noClasses().that().resideOutsideOfPackages("dev.monitor.serve..", "dev.monitor.mock..")
                .should().dependOnClassesThat(assignableTo(HttpServer.class))
                .because("serve answers scrapes on --listen, mock stands in for a cluster API; nothing else listens")
                .check(MAIN);
    }

    /**
     * Each room and the rooms that may use it: those above it in the flow, never one below. {@code context} is read
     * by {@code cli} alone and handed down as a value; {@code mock} stands beside the flow, started by a command.
     */
    @Test
    void dataFlowsOneWay() {
        LayeredArchitecture rooms = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String room : List.of("cli", "serve", "check", "console", "render", "fetch", "context", "api", "history",
                "analysis", "snapshot", "files", "text", "mock")) {
            rooms = rooms.layer(room).definedBy("dev.monitor." + room + "..");
        }
        rooms.whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("cli", "serve")
                .whereLayer("console").mayOnlyBeAccessedByLayers("cli", "check", "serve")
                .whereLayer("render").mayOnlyBeAccessedByLayers("cli", "check", "console", "serve")
                .whereLayer("fetch").mayOnlyBeAccessedByLayers("cli", "check", "console", "serve")
                .whereLayer("context").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("api").mayOnlyBeAccessedByLayers("cli", "fetch", "context")
                .whereLayer("history").mayOnlyBeAccessedByLayers("cli", "check", "render")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("cli", "serve", "check", "console", "render",
                        "fetch", "context", "history")
                .whereLayer("snapshot").mayOnlyBeAccessedByLayers("cli", "serve", "check", "render", "fetch",
                        "analysis", "history")
                .whereLayer("files").mayOnlyBeAccessedByLayers("cli", "check", "console", "fetch", "context", "api",
                        "history", "snapshot")
                .whereLayer("mock").mayOnlyBeAccessedByLayers("cli")
                .because("data flows one way, from the command down to the files and the network, and back as values")
                .check(MAIN);
    }
}
