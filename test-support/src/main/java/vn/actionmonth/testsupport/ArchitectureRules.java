package vn.actionmonth.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * The boundaries every service keeps, checked on its compiled classes: {@code rest} maps DTOs at
 * the edge and nothing below it knows them; {@code domain} knows no layer; repositories know no
 * service; dependencies come in through constructors; native SQL lives in {@code repository};
 * services know one another only through the event contract.
 */
public final class ArchitectureRules {

    /** The root packages of the services; each is deployed alone and shares only {@code events} and service-common. */
    public static final List<String> SERVICES = List.of("vn.actionmonth.plan", "vn.actionmonth.report",
            "vn.actionmonth.notification");

    private ArchitectureRules() {
    }

    /** @param basePackage the service's root package, e.g. {@code vn.actionmonth.report} */
    public static void check(String basePackage) {
        JavaClasses classes = classesOf(basePackage);
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses().that().resideInAnyPackage(packages(basePackage,
                        List.of("domain", "repository", "messaging", "service", "delivery")))
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                .because("DTOs are mapped at the edge (rest); the layers below it do not know them"));
        rules.add(noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(basePackage,
                        List.of("service", "repository", "messaging", "rest")))
                .because("the domain knows no layer"));
        rules.add(noClasses().that().resideInAPackage(basePackage + ".repository..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(basePackage, List.of("service", "messaging")))
                .because("repositories are used by services and handlers, not the other way round"));
        rules.add(noFields().should().beAnnotatedWith("jakarta.inject.Inject")
                .because("dependencies come in through the constructor, so a class states what it needs"));
        rules.forEach(r -> r.allowEmptyShould(true).check(classes));
    }

    /**
     * Native SQL lives in {@code repository}: no other class of the service opens connections,
     * prepares statements or reads result sets, so that a statement and the columns it reads are
     * found in one place.
     */
    public static void checkSqlStaysInRepositories(String basePackage) {
        noClasses().that().resideOutsideOfPackage(basePackage + ".repository..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.ResultSet")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .orShould().dependOnClassesThat().resideInAPackage("io.agroal..")
                .because("native SQL lives in repository: one place per service for statements and the columns they read")
                .allowEmptyShould(true).check(classesOf(basePackage));
    }

    /**
     * A service uses no class of another service: they share the event contract ({@code events})
     * and service-common, so that each is built, deployed and changed alone.
     */
    public static void checkServicesStayApart(String basePackage) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(basePackage)).map(s -> s + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services know one another only through the events they exchange")
                .allowEmptyShould(true).check(classesOf(basePackage));
    }

    /**
     * A module every service builds on (the event contract, service-common) uses no service's
     * classes: it would tie every service to that one.
     */
    public static void checkSharedModuleKnowsNoService(String basePackage) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(s -> s + "..")
                        .toArray(String[]::new))
                .because("the modules services share depend on no service")
                .check(classesOf(basePackage));
    }

    private static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    private static String[] packages(String base, List<String> layers) {
        return layers.stream().map(l -> base + "." + l + "..").toArray(String[]::new);
    }
}
