package vn.actionmonth.report.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;

import java.util.List;
import java.util.UUID;

/** ?unit= and exactly one of ?plan= (the plan and the plans under it) or ?campaign=. */
public class ScopeParams {

    @QueryParam("unit")
    @Parameter(description = "The unit seen from, e.g. UBND tỉnh Kon Tum", required = true)
    public UUID unit;

    @QueryParam("plan")
    @Parameter(description = "A plan: the whole chain of plans under it, e.g. Kế hoạch 75/KH-UBND")
    public UUID plan;

    @QueryParam("campaign")
    @Parameter(description = "A campaign: every plan of it, e.g. Tháng hành động vì trẻ em 2024")
    public UUID campaign;

    UUID unit() {
        if (unit == null) {
            throw Problems.invalid(List.of(Problem.Violation.query("unit", "is required")));
        }
        return unit;
    }

    UUID scope() {
        if ((plan == null) == (campaign == null)) {
            throw Problems.invalid(List.of(Problem.Violation.query("plan", "give exactly one of plan or campaign")));
        }
        return plan != null ? plan : campaign;
    }

    boolean isCampaign() {
        return campaign != null && plan == null;
    }
}
