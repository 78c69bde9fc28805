package vn.actionmonth.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.ReportRevision;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReportRevisionRepository implements PanacheRepositoryBase<ReportRevision, UUID> {

    public List<ReportRevision> history(UUID reportId) {
        return list("reportId", Sort.by("seq"), reportId);
    }
}
