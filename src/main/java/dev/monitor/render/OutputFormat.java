package dev.monitor.render;

/** The formats of {@code --output}; the one place that maps a format to its renderer. */
public enum OutputFormat {
    TABLE,
    JSON,
    CSV,
    PROMETHEUS,
    NAGIOS;

    /**
     * @param style   how tables look (table and csv use its header setting; only table colours)
     * @param oneLine JSON on one line, as NDJSON needs for a watch
     */
    public Renderer renderer(TableStyle style, boolean oneLine, String version) {
        return switch (this) {
            case TABLE -> new TableRenderer(style);
            case JSON -> new JsonRenderer(!oneLine);
            case CSV -> new CsvRenderer(style.headers());
            case PROMETHEUS -> new PrometheusRenderer(version);
            case NAGIOS -> new NagiosRenderer();
        };
    }
}
