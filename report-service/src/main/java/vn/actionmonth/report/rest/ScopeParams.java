package vn.actionmonth.report.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.report.domain.Tree;

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

    @QueryParam("tree")
    @DefaultValue("asThen")
    @Parameter(description = TREE, schema = @Schema(type = SchemaType.STRING, enumeration = {"asThen", "asNow"}))
    public Tree tree;

    static final String TREE = "asThen (default): each report counts where its unit stood when the report was first "
            + "submitted, whatever reorganisations came after. asNow: each report's unit is mapped through the lineage of "
            + "every reorganisation since to today's units; an old unit split between several new ones (PARTIAL) without an "
            + "agreed allocation cannot be divided exactly, so the figures of the units it went to are a range: the value "
            + "(lower bound) without it, totalUpTo (upper bound) with all of it, and exact=false. A new province formed "
            + "from whole old provinces is exact.";

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

    Tree tree() {
        return tree == null ? Tree.AS_THEN : tree;
    }

    boolean isCampaign() {
        return campaign != null && plan == null;
    }
}
