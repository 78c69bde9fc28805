package vn.actionmonth.plan.domain;

/** What a unit is; the reporting tree itself is data, so any kind may sit at any depth. */
public enum UnitKind {
    MINISTRY, PROVINCE, DEPARTMENT, MASS_ORGANISATION, DISTRICT, COMMUNE, OFFICE
}
