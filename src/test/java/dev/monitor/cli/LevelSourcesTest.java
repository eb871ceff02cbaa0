package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;
import dev.monitor.cli.LevelSources.Given;

/** Which source gives each level of a run, and a refusal that names each level as the user gave it. */
class LevelSourcesTest {

    private static final Given DEFAULTS = new Given(Optional.of(count(2)), Optional.empty(), Map.of());

    private static HealthyLevel.Count count(int servers) {
        return new HealthyLevel.Count(servers);
    }

    private static Given global(Integer min, Integer warn) {
        return new Given(Optional.ofNullable(min).map(LevelSourcesTest::count),
                Optional.ofNullable(warn).map(LevelSourcesTest::count), Map.of());
    }

    private static Given own(String service, Integer min, Integer warn) {
        return new Given(Optional.empty(), Optional.empty(), Map.of(service, new ServiceLevels(
                Optional.ofNullable(min).map(LevelSourcesTest::count), Optional.ofNullable(warn).map(LevelSourcesTest::count))));
    }

    private static String refusal(Given typed, Given saved) {
        LevelSources sources = new LevelSources(typed, "lab", saved, DEFAULTS);
        return assertThatThrownBy(() -> sources.thresholds(80, 80, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).actual().getMessage();
    }

    @Test
    void aContextsLevelBelowTheDefaultIsNamedWithTheContextAndItsKey() {
        assertThat(refusal(Given.NONE, global(null, 1)))
                .isEqualTo("context 'lab': warn-healthy 1 is below the default min-healthy 2: the warning level must "
                        + "be the higher one");
    }

    @Test
    void aFlagAgainstAContextsLevelNamesBothAsGiven() {
        assertThat(refusal(global(5, null), global(null, 3)))
                .isEqualTo("context 'lab': warn-healthy 3 is below --min-healthy 5: the warning level must be the higher one");
        assertThat(refusal(global(null, 1), global(3, null)))
                .isEqualTo("context 'lab': --warn-healthy 1 is below min-healthy 3: the warning level must be the higher one");
    }

    @Test
    void flagsAloneNameNoContextEvenWithOneSelected() {
        assertThat(refusal(global(2, 1), global(1, 4)))
                .isEqualTo("--warn-healthy 1 is below --min-healthy 2: the warning level must be the higher one");
        assertThat(refusal(own("AuthService", 3, 2), Given.NONE)).isEqualTo("--service-warn-healthy AuthService=2 is "
                + "below --service-min-healthy AuthService=3: the warning level must be the higher one");
    }

    @Test
    void aServicesOwnLevelsInAContextAreNamedWithTheService() {
        assertThat(refusal(Given.NONE, own("AuthService", 3, 2))).isEqualTo("context 'lab': warn-healthy 2 of service "
                + "'AuthService' is below min-healthy 3 of service 'AuthService': the warning level must be the higher one");
        assertThat(refusal(global(null, 3), own("AuthService", 4, null))).isEqualTo("context 'lab': --warn-healthy 3 "
                + "is below min-healthy 4 of service 'AuthService': the warning level must be the higher one");
    }

    @Test
    void aFlagReplacesOneLevelOfAServiceAndKeepsTheContextsOther() {
        LevelSources sources = new LevelSources(own("AuthService", 2, null), "lab", own("AuthService", 3, 5), DEFAULTS);

        assertThat(sources.thresholds(80, 80, Set.of()).serviceLevels())
                .containsExactly(Map.entry("AuthService", new ServiceLevels(Optional.of(count(2)), Optional.of(count(5)))));
    }

    @Test
    void eachGlobalLevelComesFromTheFirstSourceThatGivesIt() {
        LevelSources sources = new LevelSources(global(null, 6), "lab", global(4, 5), DEFAULTS);

        assertThat(sources.thresholds(80, 80, Set.of()).minHealthy()).isEqualTo(count(4));
        assertThat(sources.thresholds(80, 80, Set.of()).warnHealthy()).contains(count(6));
        assertThat(new LevelSources(Given.NONE, null, Given.NONE, DEFAULTS).thresholds(80, 80, Set.of()).minHealthy())
                .isEqualTo(count(2));
    }
}
