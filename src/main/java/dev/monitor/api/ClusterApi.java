package dev.monitor.api;

import java.io.Closeable;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

/**
 * The cluster API, as {@code ../shared/API.md} defines it. The only place that knows its paths.
 * Built per run by {@link ClusterApiFactory}, because the endpoint is known only once the flags are parsed;
 * closing it closes its connections.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterApi extends Closeable {

    /** The addresses of every server in the cluster. */
    @GET
    @Path("servers")
    Uni<List<String>> servers();

    /** One server's figures. The address was validated as an IP literal before it reaches this path. */
    @GET
    @Path("{ip}")
    Uni<ServerDetails> details(@PathParam("ip") String ip);
}
