package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.monitor.api.ServerDetails;
import dev.monitor.snapshot.Server;
import dev.monitor.text.Printable;

class DetailsReaderTest {

    @Test
    void readsTheContractsPercentages() {
        assertThat(DetailsReader.read("10.0.0.1", new ServerDetails("61%", "0%", "UserService")))
                .isEqualTo(new Server.Measured("10.0.0.1", "UserService", 61, 0));
        assertThat(DetailsReader.percentage("cpu", "100%")).isEqualTo(100);
    }

    @Test
    void rejectsFiguresOutsideTheContractNamingTheField() {
        assertThatThrownBy(() -> DetailsReader.percentage("cpu", "abc%"))
                .hasMessage("cpu \"abc%\" is not a percentage like 61%");
        assertThatThrownBy(() -> DetailsReader.percentage("cpu", "250%")).hasMessage("cpu 250% is outside 0-100");
        assertThatThrownBy(() -> DetailsReader.percentage("memory", "-5%")).hasMessageContaining("not a percentage");
        assertThatThrownBy(() -> DetailsReader.percentage("memory", null)).hasMessage("missing field memory");
        assertThatThrownBy(() -> DetailsReader.read("10.0.0.1", new ServerDetails("1%", "1%", null)))
                .hasMessage("missing field service");
    }

    @Test
    void takesOnlyAsciiDigitsFollowedByAPercentSign() {
        // Character.isDigit is true of the digits of every script: each of these once read as 50.
        for (String figure : new String[] { "٥٠%", "５０%", "५०%", "5٠%", "50", "50 %", " 50%", "+50%", "50%%", "" }) {
            assertThatThrownBy(() -> DetailsReader.percentage("cpu", figure)).as(figure)
                    .hasMessage("cpu \"" + Printable.of(figure) + "\" is not a percentage like 61%");
        }
        assertThat(DetailsReader.percentage("memory", "007%")).isEqualTo(7);
    }

    @Test
    void showsTerminalEscapeSequencesInServiceNamesAsCodes() {
        Server.Measured server = DetailsReader.read("10.0.0.1", new ServerDetails("1%", "1%", "Auth\u001b[31mService\u0007"));

        assertThat(server.service()).isEqualTo("Auth\\x1b[31mService\\x07");
    }

    @Test
    void showsInvisibleCharactersInServiceNamesAsCodesSoTheyAreNotAnotherServicesName() {
        assertThat(DetailsReader.read("10.0.0.1", new ServerDetails("1%", "1%", "Auth\u200bService")).service())
                .isEqualTo("Auth\\u200bService");
        assertThat(DetailsReader.read("10.0.0.1", new ServerDetails("1%", "1%", "\u202eAuthService ")).service())
                .isEqualTo("\\u202eAuthService\\x20");
        assertThatThrownBy(() -> DetailsReader.read("10.0.0.1", new ServerDetails("1%", "1%", "  ")))
                .as("spaces alone are no name").hasMessage("missing field service");
    }

    @Test
    void onlyIpLiteralsAreRequested() {
        assertThat(IpLiteral.isValid("10.58.1.1")).isTrue();
        assertThat(IpLiteral.isValid("::1")).isTrue();
        assertThat(IpLiteral.isValid("2001:db8::7")).isTrue();
        for (String entry : new String[] { "../admin", "10.58.1.256", "example.com", "10.58.1", "", "1.2.3.4/x",
                "010.1.1.1", ":::" }) {
            assertThat(IpLiteral.isValid(entry)).as(entry).isFalse();
        }
    }
}
