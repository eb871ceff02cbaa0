package dev.monitor.api;

import java.io.Closeable;
import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cluster API, as docs/api.md defines it. The only place that knows its paths.
 * Built per run by {@link ClusterApiFactory}, because the endpoint is known only once the flags are parsed;
 * closing it closes its connections.
 *
 * <p>
 * Both answers come as the body's stream, not as mapped objects, so that the reader ({@code fetch.BoundedBody})
 * can stop at a cap: a mapped {@code Uni<List<String>>} would make the client collect the whole body into
 * memory first, with no limit, and a hostile server could send gigabytes. An {@code InputStream} is the one
 * streamed answer after which the client keeps the connection for the next request: a {@code Multi} of chunks
 * closes it once read (Quarkus' {@code MultiInvoker} closes the connection on every termination of the stream).
 * The calls block until the status line arrives, so the fetcher makes them on virtual threads. An error status
 * still fails the call, as it would for a mapped answer.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterApi extends Closeable {

    /** The body of {@code GET /servers}: a JSON array with the addresses of every server in the cluster. */
    @GET
    @Path("servers")
    InputStream servers();

    /**
     * The body of {@code GET /<ip>}: a JSON object with one server's figures ({@link ServerDetails}). The address
     * was validated as an IP literal before it reaches this path.
     */
    @GET
    @Path("{ip}")
    InputStream details(@PathParam("ip") String ip);
}
