package dev.monitor.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** Runs the command in-process with a test class's usual leading arguments, then the test's own. */
public final class Launches {

    private Launches() {
    }

    public static LaunchResult launch(QuarkusMainLauncher launcher, List<String> leading, String... args) {
        List<String> all = new ArrayList<>(leading);
        all.addAll(Arrays.asList(args));
        return launcher.launch(all.toArray(String[]::new));
    }
}
