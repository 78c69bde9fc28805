package vn.actionmonth.plan.domain;

/** How long a unit's texts may be: the columns of {@code org_unit}, counted after NFC. */
public final class UnitLimits {

    public static final int NAME = 300;
    public static final int SHORT_NAME = 100;
    public static final int CODE = 10;
    public static final int AGENCY_CODE = 35;
    public static final int KIND = 30;
    public static final int EMAIL = 200;
    public static final int PHONE = 50;
    public static final int ADDRESS = 500;
    /** An import body: the national list with its offices (100,000 rows) as JSON. */
    public static final long IMPORT_BODY = 16L * 1024 * 1024;

    private UnitLimits() {
    }
}
