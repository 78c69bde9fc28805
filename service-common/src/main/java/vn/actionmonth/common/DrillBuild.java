package vn.actionmonth.common;

/**
 * The build-time property that makes a drill build: endpoints for drills, the end-to-end walk and
 * the benchmark ({@code @IfBuildProperty(name = DrillBuild.PROPERTY, stringValue = "true")}) exist
 * only there and in the tests' build, never in the production build. See decision 0008.
 */
public final class DrillBuild {

    public static final String PROPERTY = "drill.build";

    private DrillBuild() {
    }
}
