package vn.actionmonth.plan.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import vn.actionmonth.common.units.UnitPath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A unit of the reporting tree. {@code path} lists the ids from the root down to the unit itself
 * ('/root/…/self/'), so a subtree is {@code path LIKE '<path>%'} and the ancestors are the path's
 * segments.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitKind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "short_name")
    public String shortName;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Column(name = "admin_code")
    public String adminCode;

    @Column(name = "agency_code")
    public String agencyCode;

    public String email;
    public String phone;
    public String address;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public int depth;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(nullable = false)
    public boolean retired;

    @Column(nullable = false)
    public long version;

    @ElementCollection
    @CollectionTable(name = "org_unit_parent_period", joinColumns = @JoinColumn(name = "unit_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<ParentPeriod> parentHistory = new ArrayList<>();

    /** Ids from the root down to the parent (the unit itself left out). */
    public List<UUID> ancestorIds() {
        return UnitPath.ancestorIds(path);
    }

    public UUID rootId() {
        return UnitPath.rootId(path);
    }

    /** True when {@code other} is this unit or lies under it. */
    public boolean contains(OrgUnit other) {
        return UnitPath.isWithin(other.path, path);
    }

    public static String pathOf(OrgUnit parent, UUID id) {
        return UnitPath.of(parent == null ? null : parent.path, id);
    }
}
