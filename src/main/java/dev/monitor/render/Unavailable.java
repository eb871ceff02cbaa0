package dev.monitor.render;

import java.net.URI;

import dev.monitor.analysis.Thresholds;

/** A run that got no data: where it asked, with which thresholds, and why it failed. Its verdict is UNKNOWN. */
public record Unavailable(URI endpoint, Thresholds thresholds, String reason) {
}
