package vn.actionmonth.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external tool (kubectl, docker-compose, node, npm) and keeps what it printed. */
record Command(List<String> command, int exitCode, String stdout, String stderr) {

    static Command run(Path workDir, List<String> command, long timeoutSeconds) {
        requireOnPath(command.get(0));
        try {
            Path out = Files.createTempFile("deploy-check-", ".out");
            Path err = Files.createTempFile("deploy-check-", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
                }
                return new Command(command, process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs and fails with everything the tool said unless it exited with 0. */
    static Command succeed(Path workDir, List<String> command, long timeoutSeconds) {
        Command result = run(workDir, command, timeoutSeconds);
        if (result.exitCode != 0) {
            throw new AssertionError(String.join(" ", command) + " (in " + workDir + ") exited with " + result.exitCode
                    + "\nstdout:\n" + result.stdout + "\nstderr:\n" + result.stderr);
        }
        return result;
    }

    private static void requireOnPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        throw new AssertionError(tool + " is not on the PATH. " + switch (tool) {
            case "docker-compose" -> "Install it: apt-get update && apt-get install -y docker-compose";
            case "kubectl" -> "Install the kubectl client (https://kubernetes.io/docs/tasks/tools/).";
            case "node", "npm" -> "Install Node.js 20 or newer with npm.";
            default -> "Install it.";
        });
    }
}
