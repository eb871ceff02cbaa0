package dev.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One answer of {@code monitor serve} over a real socket, as a scraper gets it: the status, the content type and the
 * body; and the samples of a metrics body, by name and labels as written.
 */
public record Scrape(int status, String contentType, String body) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code GET uri} without an Accept header. */
    public static Scrape get(URI uri) {
        return request("GET", uri, null);
    }

    /** @param accept the Accept header to send, or null for none */
    public static Scrape request(String method, URI uri, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Scrape(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                    answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code name{labels} value} lines (text format or OpenMetrics), by {@code name{labels}}. */
    public Map<String, Double> samples() {
        Map<String, Double> samples = new TreeMap<>();
        body.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    /** The samples of one metric, by their labels as written ({@code {service="AuthService"}}, or empty). */
    public Map<String, Double> samples(String metric) {
        Map<String, Double> samples = new TreeMap<>();
        samples().forEach((key, value) -> {
            if (key.equals(metric) || key.startsWith(metric + "{")) {
                samples.put(key.substring(metric.length()), value);
            }
        });
        return samples;
    }

    /** The one sample of a metric without labels; fails when there is none. */
    public double value(String metric) {
        Double value = samples().get(metric);
        if (value == null) {
            throw new AssertionError("no sample " + metric + " in:\n" + body);
        }
        return value;
    }
}
