package vn.actionmonth.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** Read-only view of service-common's unit replica (written by UnitReplicaHandler), for queries that join it. */
@Entity
@Immutable
@Table(name = "unit_replica")
public class UnitReplicaView {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public int depth;
}
