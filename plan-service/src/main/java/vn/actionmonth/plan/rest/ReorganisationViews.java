package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.domain.Share;
import vn.actionmonth.plan.repository.ReorganisationRepository;
import vn.actionmonth.plan.service.ReorganisationService;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Reorganisations as the API shows them. */
final class ReorganisationViews {

    private ReorganisationViews() {
    }

    @Schema(name = "ReorganisationResult", description = "What applying a reorganisation did")
    record ResultView(UUID id, @Schema(examples = "2025-07-01") LocalDate effectiveDate,
                      @Schema(description = "New units formed", examples = "3207") int unitsCreated,
                      @Schema(description = "Units that went whole to one unit alone: same unit, new version", examples = "148")
                      int unitsContinued,
                      @Schema(description = "Old units that ceased, the abolished level included", examples = "10658")
                      int unitsCeased,
                      @Schema(description = "Units that stay and moved under a successor (departments, offices)") int unitsMoved,
                      @Schema(description = "Open obligations passed to a successor") int obligationsHandedOver,
                      @Schema(description = "Plans whose recipient or consolidating unit was replaced") int plansReaddressed,
                      @Schema(description = "Lineage rows recorded, derived ones included") int lineageRows,
                      @Schema(description = "Milliseconds it took") long tookMs) {

        static ResultView of(ReorganisationService.Result r) {
            return new ResultView(r.id(), r.effectiveDate(), r.unitsCreated(), r.unitsContinued(), r.unitsCeased(),
                    r.unitsMoved(), r.obligationsHandedOver(), r.plansReaddressed(), r.lineageRows(), r.tookMs());
        }
    }

    @Schema(name = "Reorganisation", description = "A reorganisation applied to a tree")
    record View(UUID id, UUID rootId, @Schema(examples = "2025-07-01") LocalDate effectiveDate, String title,
                Instant appliedAt, String appliedBy, int unitsCreated, int unitsCeased, int unitsMoved,
                int obligationsHandedOver) {

        static View of(ReorganisationRepository.Reorganisation r) {
            return new View(r.id(), r.rootId(), r.effectiveDate(), r.title(), r.appliedAt(), r.appliedBy(), r.unitsCreated(),
                    r.unitsCeased(), r.unitsMoved(), r.obligationsHandedOver());
        }
    }

    @Schema(name = "Lineage", description = "Old unit oldUnitId went, whole (FULL) or in part (PARTIAL), into newUnitId")
    record LineageView(UUID reorganisationId, UUID oldUnitId, UUID newUnitId, Share share,
                       @Schema(description = "This successor took over the old unit's open obligations") boolean takesOverDuties,
                       @Schema(description = "Not listed by the reorganisation but implied: an abolished district goes to "
                               + "the province its communes went to") boolean derived,
                       @Schema(description = "Agreed share of a PARTIAL old unit's figures; null when unknown") BigDecimal allocation) {

        static LineageView of(ReorganisationRepository.Lineage l) {
            return new LineageView(l.reorganisationId(), l.oldUnitId(), l.newUnitId(), l.share(), l.takesOverDuties(),
                    l.derived(), l.allocation());
        }
    }
}
