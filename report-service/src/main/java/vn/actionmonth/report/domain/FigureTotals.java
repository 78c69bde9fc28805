package vn.actionmonth.report.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The four numbers kept per consolidation key: the unit's own reports and its whole (frozen)
 * subtree, over submitted-and-approved and over approved-only reports.
 */
@Schema(name = "FigureTotals", description = "Own and subtree totals over submitted-and-approved and approved-only reports")
public record FigureTotals(long ownSubmitted, long totalSubmitted, long ownApproved, long totalApproved) {

    public static final FigureTotals ZERO = new FigureTotals(0, 0, 0, 0);

    public FigureTotals plus(FigureTotals o) {
        return new FigureTotals(ownSubmitted + o.ownSubmitted, totalSubmitted + o.totalSubmitted,
                ownApproved + o.ownApproved, totalApproved + o.totalApproved);
    }

    @JsonIgnore
    public boolean isZero() {
        return ownSubmitted == 0 && totalSubmitted == 0 && ownApproved == 0 && totalApproved == 0;
    }

    public long own(Basis basis) {
        return basis == Basis.APPROVED ? ownApproved : ownSubmitted;
    }

    public long total(Basis basis) {
        return basis == Basis.APPROVED ? totalApproved : totalSubmitted;
    }
}
