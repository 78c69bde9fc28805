package vn.actionmonth.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.rest.MaxBody;
import vn.actionmonth.common.rest.Paging;
import vn.actionmonth.common.validation.Text;

import java.util.List;

/** Endpoints that exercise the shared security and error mapping. */
@Path("/api/v1/probes")
public class ProbeResource {

    public record Figure(@NotBlank String code, @PositiveOrZero long value) {
    }

    public record ProbeRequest(@NotBlank @Text(max = 20, singleLine = true) String name, @Valid List<Figure> figures) {
    }

    private final Caller caller;

    public ProbeResource(Caller caller) {
        this.caller = caller;
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
    @Path("/paged")
    @RolesAllowed(Roles.MEMBER)
    public String paged(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                        @HeaderParam("X-Probe") @Size(max = 5) String probe) {
        return "page " + page;
    }

    /** What a write records as its author. */
    @POST
    @Path("/author")
    @RolesAllowed(Roles.MEMBER)
    @MaxBody(100)
    @Consumes(MediaType.TEXT_PLAIN)
    public String author(String body) {
        return caller.name();
    }

    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "nobody should get here";
    }
}
