package dev.monitor.api;

import java.io.Closeable;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Multi;

/**
 * The cluster API, as {@code ../shared/API.md} defines it. The only place that knows its paths.
 * Built per run by {@link ClusterApiFactory}, because the endpoint is known only once the flags are parsed;
 * closing it closes its connections.
 *
 * <p>
 * Both answers come as the raw chunks of the body, not as mapped objects. A {@code Uni<List<String>>}
 * would make the client collect the whole body into memory before mapping it, with no limit: a hostile
 * server could send gigabytes. As a {@code Multi} of chunks, the body is read as it arrives and the reader
 * ({@code fetch.BoundedBody}) cancels the request, closing its connection, as soon as the answer passes its
 * cap. An error status still fails the request, as it would for a mapped answer.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterApi extends Closeable {

    /** The body of {@code GET /servers}: a JSON array with the addresses of every server in the cluster. */
    @GET
    @Path("servers")
    Multi<byte[]> servers();

    /**
     * The body of {@code GET /<ip>}: a JSON object with one server's figures ({@link ServerDetails}). The address
     * was validated as an IP literal before it reaches this path.
     */
    @GET
    @Path("{ip}")
    Multi<byte[]> details(@PathParam("ip") String ip);
}
