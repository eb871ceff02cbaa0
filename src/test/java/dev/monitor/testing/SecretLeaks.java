package dev.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a secret must never show: what a run printed, and every file it may have written. */
public final class SecretLeaks {

    private SecretLeaks() {
    }

    /**
     * @param printed what the run wrote to stdout and stderr
     * @param files   the files it may have written (the snapshot, its history, the report); absent ones are skipped
     * @param forms   the secret in each form it could show in (as typed, its halves, its Base64)
     */
    public static void assertShownNowhere(List<String> printed, List<Path> files, String... forms) throws IOException {
        List<String> places = new ArrayList<>(printed);
        for (Path file : files) {
            if (Files.exists(file)) {
                places.add(Files.readString(file));
            }
        }
        for (String form : forms) {
            assertThat(places).as(form).noneMatch(place -> place.contains(form));
        }
    }
}
