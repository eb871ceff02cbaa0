package dev.monitor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ListingTest {

    @Test
    void fiveNamesOrFewerAreAllListed() {
        assertThat(Listing.of(List.of("A", "B", "C", "D", "E"))).isEqualTo("A, B, C, D, E");
        assertThat(Listing.of(List.of("A"))).isEqualTo("A");
    }

    @Test
    void moreThanFiveAreTheFirstFiveAndHowManyMore() {
        List<Integer> services = IntStream.rangeClosed(1, 100_000).boxed().toList();

        assertThat(Listing.of(services, n -> "S" + n)).isEqualTo("S1, S2, S3, S4, S5 and 99995 more");
    }
}
