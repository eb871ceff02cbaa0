package dev.monitor.testing;

import java.util.List;

import io.quarkus.test.junit.main.LaunchResult;

/** A run of the command whose stdout and stderr were kept whole; as Quarkus' launcher gives them, line by line. */
public interface CapturedRun extends LaunchResult {

    String out();

    String err();

    @Override
    default List<String> getOutputStream() {
        return out().lines().toList();
    }

    @Override
    default List<String> getErrorStream() {
        return err().lines().toList();
    }
}
