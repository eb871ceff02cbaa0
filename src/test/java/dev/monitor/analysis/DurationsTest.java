package dev.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesEveryWrittenForm() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("30")).as("a bare number is seconds").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsAnythingElse() {
        for (String text : new String[] { "", "-5s", "5 min", "1.5s", "soon", "5d" }) {
            assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a duration");
        }
    }

    @Test
    void refusesMoreThanAYearRatherThanOverflowLater() {
        assertThat(Durations.parse("8760h")).isEqualTo(Duration.ofDays(365));
        for (String text : new String[] { "8761h", "999999999h", "999999999" }) {
            assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is longer than a year (8760h), the most a duration can be");
        }
    }

    @Test
    void exactWritesWhatAnOptionWouldTakeWithoutRounding() {
        assertThat(Durations.exact(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.exact(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(Durations.exact(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(Durations.exact(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.exact(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.exact(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.exact(Duration.ofHours(1))).isEqualTo("1h");
    }

    @Test
    void formatsForPeople() {
        assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(Durations.format(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Durations.format(Duration.ofSeconds(200))).isEqualTo("3m20s");
        assertThat(Durations.format(Duration.ofMinutes(125))).isEqualTo("2h5m");
    }
}
