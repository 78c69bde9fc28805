package vn.actionmonth.devstack;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link StackLauncher}: a command and its options.
 *
 * @param postgresPort null unless {@code --postgres-port} was given
 * @param kafkaPort    null unless {@code --kafka-port} was given
 * @param timeout      null unless {@code --timeout} was given
 */
public record LauncherArgs(Command command, boolean detach, Integer postgresPort, Integer kafkaPort,
                           Duration timeout, String unit, List<String> roles, Duration ttl, String subject) {

    public enum Command { UP, STOP, STATUS, TOKEN, HELP }

    public static final Duration DEFAULT_TTL = Duration.ofHours(8);

    public static final String USAGE = """
            Usage: ./stack <command> [options]

              up [--detach] [--no-build] [--postgres-port N] [--kafka-port N] [--timeout SECONDS]
                  Builds if needed (./stack only), starts PostgreSQL (127.0.0.1:15432), Kafka
                  (127.0.0.1:19092) and the three services (8081, 8082, 8083) with sample data,
                  and prints their URLs. Foreground: Ctrl-C stops everything. --detach: returns
                  once all are ready and leaves the stack running until ./stack stop.
              stop
                  Stops a running stack (also one whose launcher died) and waits until its ports are free.
              status
                  Prints each service's readiness, URLs and memory; exits 0 only if all are ready.
              token --unit <unit UUID or code> --role <role> [--role <role>...] [--ttl PT8H] [--subject NAME]
                  Prints a dev bearer token signed with .devstack/keys. A unit code (e.g. 23305) is
                  looked up through plan-service, which must be running.
                  Roles: admin, planner, reporter, approver, viewer, system.

            Environment: DEVSTACK_POSTGRES_PORT, DEVSTACK_KAFKA_PORT change the default ports;
            DEVSTACK_POSTGRES_URL (+ DEVSTACK_POSTGRES_USER, DEVSTACK_POSTGRES_PASSWORD) and
            KAFKA_BOOTSTRAP_SERVERS use external servers instead of the embedded ones.
            """;

    /** Parses the arguments; a {@link UsageException} names what is wrong. */
    public static LauncherArgs parse(String... args) {
        if (args.length == 0) {
            return help();
        }
        Command command = switch (args[0]) {
            case "up" -> Command.UP;
            case "stop" -> Command.STOP;
            case "status" -> Command.STATUS;
            case "token" -> Command.TOKEN;
            case "help", "-h", "--help" -> Command.HELP;
            default -> throw new UsageException("unknown command: " + args[0]);
        };
        boolean detach = false;
        Integer postgresPort = null;
        Integer kafkaPort = null;
        Duration timeout = null;
        String unit = null;
        List<String> roles = new ArrayList<>();
        Duration ttl = null;
        String subject = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (name.equals("-h") || name.equals("--help")) {
                return help();
            }
            if (command == Command.UP && name.equals("--detach")) {
                detach = true;
                continue;
            }
            if (command == Command.UP && name.equals("--no-build") || command == Command.UP && name.equals("--build")) {
                // Handled by the ./stack script; accepted here so the same arguments can be passed on.
                continue;
            }
            String value = inline;
            if (value == null && isValued(command, name)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (command == Command.UP || command == Command.TOKEN ? name : "") {
                case "--postgres-port" -> postgresPort = requireUp(command, name, parsePort(value));
                case "--kafka-port" -> kafkaPort = requireUp(command, name, parsePort(value));
                case "--timeout" -> timeout = requireUp(command, name, Duration.ofSeconds(positive(name, value)));
                case "--unit" -> unit = requireToken(command, name, value);
                case "--role" -> {
                    requireToken(command, name, value);
                    for (String role : value.split(",")) {
                        if (!role.isBlank()) {
                            roles.add(role.trim());
                        }
                    }
                }
                case "--ttl" -> ttl = requireToken(command, name, parseTtl(value));
                case "--subject" -> subject = requireToken(command, name, value);
                default -> throw new UsageException("unknown option for " + args[0] + ": " + arg);
            }
        }
        if (command == Command.TOKEN) {
            if (unit == null || unit.isBlank()) {
                throw new UsageException("token needs --unit <unit UUID or code>");
            }
            if (roles.isEmpty()) {
                throw new UsageException("token needs at least one --role");
            }
        }
        return new LauncherArgs(command, detach, postgresPort, kafkaPort, timeout, unit, List.copyOf(roles),
                ttl == null ? DEFAULT_TTL : ttl, subject);
    }

    /** The options as given, to pass them on unchanged (used by {@code up --detach}). */
    public List<String> upOptions() {
        List<String> out = new ArrayList<>();
        if (postgresPort != null) {
            out.add("--postgres-port=" + postgresPort);
        }
        if (kafkaPort != null) {
            out.add("--kafka-port=" + kafkaPort);
        }
        if (timeout != null) {
            out.add("--timeout=" + timeout.toSeconds());
        }
        return out;
    }

    /** The default options with what the command line changes. */
    public StackOptions applyTo(StackOptions options) {
        StackOptions out = options;
        if (postgresPort != null) {
            out = out.withPostgresPort(postgresPort);
        }
        if (kafkaPort != null) {
            out = out.withKafkaPort(kafkaPort);
        }
        if (timeout != null) {
            out = out.withReadyTimeout(timeout);
        }
        return out;
    }

    static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new UsageException("not a port number (1 to 65535): " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("not a port number (1 to 65535): " + value);
        }
    }

    /** The longest lifetime the services accept by default (JWT_MAX_AGE_SECONDS). */
    static final Duration MAX_TTL = Duration.ofHours(24);

    private static Duration parseTtl(String value) {
        try {
            Duration ttl = Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
            if (ttl.isNegative() || ttl.isZero()) {
                throw new UsageException("--ttl must be positive: " + value);
            }
            if (ttl.compareTo(MAX_TTL) > 0) {
                throw new UsageException("--ttl must be at most " + MAX_TTL + ": the services refuse tokens issued for longer ("
                        + "JWT_MAX_AGE_SECONDS)");
            }
            return ttl;
        } catch (DateTimeParseException e) {
            throw new UsageException("--ttl is an ISO-8601 duration such as PT8H or PT30M: " + value);
        }
    }

    private static long positive(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " needs a positive number of seconds: " + value);
    }

    private static boolean isValued(Command command, String name) {
        return switch (name) {
            case "--postgres-port", "--kafka-port", "--timeout" -> command == Command.UP;
            case "--unit", "--role", "--ttl", "--subject" -> command == Command.TOKEN;
            default -> false;
        };
    }

    private static <T> T requireUp(Command command, String name, T value) {
        if (command != Command.UP) {
            throw new UsageException(name + " is an option of up");
        }
        return value;
    }

    private static <T> T requireToken(Command command, String name, T value) {
        if (command != Command.TOKEN) {
            throw new UsageException(name + " is an option of token");
        }
        return value;
    }

    private static LauncherArgs help() {
        return new LauncherArgs(Command.HELP, false, null, null, null, null, List.of(), DEFAULT_TTL, null);
    }

    /** A command line that cannot be run; the launcher prints the message and the usage. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }
}
