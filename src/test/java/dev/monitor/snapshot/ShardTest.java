package dev.monitor.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The rule that splits a cluster's servers between N shards, as docs/usage.md documents it for other tools. */
class ShardTest {

    /** Lists of addresses as clusters send them: IPv4 and IPv6 literals, duplicates, names, any text at all. */
    private static List<String> randomAddresses(Random random) {
        int size = random.nextInt(300);
        List<String> addresses = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            addresses.add(switch (random.nextInt(5)) {
                case 0 -> random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                        + random.nextInt(256);
                case 1 -> "fd00::" + Integer.toHexString(random.nextInt(0x10000));
                case 2 -> addresses.isEmpty() ? "" : addresses.get(random.nextInt(addresses.size()));
                case 3 -> "10.58.1." + random.nextInt(300) + (random.nextBoolean() ? "\u200b" : " ");
                default -> random.ints(random.nextInt(12), 0, 0x3000).collect(StringBuilder::new,
                        StringBuilder::appendCodePoint, StringBuilder::append).toString();
            });
        }
        return addresses;
    }

    @Test
    void forOneToFiveShardsTheSharesAreDisjointAndTogetherTheWholeList() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int list = 0; list < 500; list++) {
            List<String> addresses = randomAddresses(random);
            for (int of = 1; of <= 5; of++) {
                Set<String> union = new HashSet<>();
                for (int number = 1; number <= of; number++) {
                    Shard shard = new Shard(number, of);
                    Set<String> share = addresses.stream().filter(shard::holds).collect(Collectors.toSet());
                    assertThat(Collections.disjoint(union, share))
                            .as("seed %d: shard %s shares no address with those before it", seed, shard).isTrue();
                    union.addAll(share);
                }
                assertThat(union).as("seed %d: the %d shards together", seed, of).isEqualTo(new HashSet<>(addresses));
            }
        }
    }

    @Test
    void theHashIsFnv1aOfTheUtf8BytesAsReadmeGivesIt() {
        assertThat(Shard.fnv1a("")).isEqualTo(0x811c9dc5);
        assertThat(Shard.fnv1a("a")).isEqualTo(0xe40c292c);
        assertThat(Shard.fnv1a("foobar")).isEqualTo(0xbf9cf968);
        assertThat(Shard.fnv1a("10.58.1.1")).isEqualTo(0x9bd25587);
        assertThat(Shard.fnv1a("10.58.1.2")).isEqualTo(0x9cd2571a);
        // Beyond ASCII, bytes are UTF-8's, read unsigned: "é" is 0xc3 0xa9.
        assertThat(Shard.fnv1a("\u00e9")).isEqualTo(0x1e9de8c1);
        // The text as listed: an invisible character beside an address makes another address.
        assertThat(Shard.fnv1a("10.58.1.1\u200b")).isEqualTo(0x5ed49a92);
    }

    @Test
    void theShardIsTheUnsignedHashModuloNPlusOne() {
        // 0x9bd25587 is 2614252935, negative as an int: 2614252935 % 3 is 0, so shard 1 of 3.
        assertThat(new Shard(1, 3).holds("10.58.1.1")).isTrue();
        // 0x9cd2571a is 2631030554: % 3 is 2, so shard 3 of 3.
        assertThat(new Shard(3, 3).holds("10.58.1.2")).isTrue();
        assertThat(new Shard(1, 3).holds("10.58.1.2")).isFalse();
        assertThat(Shard.WHOLE.holds("anything")).isTrue();
    }

    @Test
    void kOfNIsReadInAsciiDigitsWithKFromOneToN() {
        assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
        assertThat(Shard.parse("1/1")).isEqualTo(Shard.WHOLE);
        assertThat(Shard.parse("2/3")).hasToString("2/3");
        assertThatThrownBy(() -> Shard.parse("0/3")).hasMessage("'0/3': there is no shard 0 of 3: K is from 1 to 3");
        assertThatThrownBy(() -> Shard.parse("4/3")).hasMessage("'4/3': there is no shard 4 of 3: K is from 1 to 3");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessage("'1/0': there are no shards of 0: N is at least 1");
        for (String bad : List.of("x/y", "\u0662/3", "1/3/3", "-1/3", " 1/3", "1", "", "1/9999999999")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad)
                    .hasMessage("'" + bad + "' is not K/N in digits 0-9, such as 1/3");
        }
    }
}
