package vn.actionmonth.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import vn.actionmonth.common.problem.Problems;

import java.util.List;

/** Endpoints that exercise the shared security and error mapping. */
@Path("/api/v1/probes")
public class ProbeResource {

    public record Figure(@NotBlank String code, @PositiveOrZero long value) {
    }

    public record ProbeRequest(@NotBlank @Size(max = 20) String name, @Valid List<Figure> figures) {
    }

    @GET
    @RolesAllowed(Roles.PLANNER)
    public String forPlanners() {
        return "ok";
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Consumes(MediaType.APPLICATION_JSON)
    public String create(@Valid ProbeRequest request) {
        return "created";
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PLANNER)
    public String find(@PathParam("id") String id) {
        throw Problems.notFound("probe", id);
    }

    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "nobody should get here";
    }
}
