package vn.actionmonth.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.UUID;

/** One reporting parent a unit had and the dates it held: {@code validTo} is exclusive, null while current. */
@Embeddable
public class ParentPeriod {

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    protected ParentPeriod() {
    }

    public ParentPeriod(UUID parentId, LocalDate validFrom, LocalDate validTo) {
        this.parentId = parentId;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }
}
