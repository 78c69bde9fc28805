package vn.actionmonth.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** The console text of {@code up} and {@code status}: URLs, readiness, memory, and what to do next. */
final class StackReport {

    private StackReport() {
    }

    /**
     * @param probe      ask each service for its readiness now (status) rather than trusting the state file
     * @param foreground the launcher stays in this console, so Ctrl-C stops it
     * @return whether every service was ready
     */
    static boolean print(PrintStream out, StackInfo info, Path projectDir, boolean probe, boolean foreground) {
        boolean allReady = true;
        ProcessMemory total = ProcessMemory.NONE;
        out.println();
        for (StackInfo.Service s : info.services()) {
            boolean ready = !probe || Probes.status(s.health()) == 200;
            allReady &= ready;
            ProcessMemory m = ProcessMemory.ofTree(s.pid());
            total = total.plus(m);
            out.printf(Locale.ROOT, "  %-22s %-9s pid %-7d RSS %4d MB%n", s.name(), ready ? "ready" : "NOT READY",
                    s.pid(), m.rssMb());
            out.println("      API         " + s.apiUrl());
            out.println("      Swagger UI  " + s.swaggerUi());
            out.println("      OpenAPI     " + s.openApi());
            out.println("      Health      " + s.health());
        }
        out.println();
        StackInfo.Postgres pg = info.postgres();
        if (pg != null) {
            String where = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/{" + String.join(",", pg.databases().keySet())
                    + "}  user " + pg.user() + " password " + pg.password();
            if (pg.embedded()) {
                ProcessMemory m = ProcessMemory.ofTree(pg.pid());
                total = total.plus(m);
                out.printf(Locale.ROOT, "  %-10s %s%n  %-10s pid %d, %d processes, RSS %d MB (PSS %d MB)%n",
                        "PostgreSQL", where, "", pg.pid(), m.processes(), m.rssMb(), m.pssMb());
            } else {
                out.printf(Locale.ROOT, "  %-10s %s (external)%n", "PostgreSQL", where);
            }
        }
        StackInfo.Kafka kafka = info.kafka();
        if (kafka != null) {
            if (kafka.embedded()) {
                ProcessMemory m = ProcessMemory.ofTree(kafka.pid());
                total = total.plus(m);
                out.printf(Locale.ROOT, "  %-10s %s  pid %d, RSS %d MB%n", "Kafka", kafka.bootstrapServers(),
                        kafka.pid(), m.rssMb());
            } else {
                out.printf(Locale.ROOT, "  %-10s %s (external)%n", "Kafka", kafka.bootstrapServers());
            }
        }
        ProcessMemory launcher = ProcessMemory.of(info.launcherPid());
        out.printf(Locale.ROOT, "  %-10s pid %d, RSS %d MB%n", "Launcher", info.launcherPid(), launcher.rssMb());
        out.printf(Locale.ROOT, "  %-10s RSS %d MB (PSS %d MB), launcher included%n", "Total",
                total.plus(launcher).rssMb(), total.plus(launcher).pssMb());
        out.println();
        String plan = info.services().stream().filter(s -> s.name().equals("plan-service")).findFirst()
                .map(StackInfo.Service::apiUrl).orElse("http://127.0.0.1:8081/api/v1");
        out.println("  Token   ./stack token --unit <unit UUID or code> --role planner   (roles: admin, planner,"
                + " reporter, approver, viewer, system)");
        out.println("  Try     curl -H \"Authorization: Bearer $(./stack token --unit 23305 --role viewer)\" "
                + plan + "/me");
        out.println("  Logs    " + rel(projectDir, Path.of(info.stateDir()).resolve("logs")) + "/<service>.log, "
                + rel(projectDir, Path.of(info.stateDir()).resolve("kafka/broker.log")));
        out.println("  Stop    " + (foreground ? "Ctrl-C here, or ./stack stop" : "./stack stop"));
        out.println();
        return allReady;
    }

    private static String rel(Path base, Path p) {
        try {
            return base.toAbsolutePath().relativize(p.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }
}
