package vn.actionmonth.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The npm packages this module's tests run (package.json and package-lock.json of this module):
 * {@code npm ci} installs exactly the locked versions on first use, and again whenever the lock
 * file is newer than the installation.
 */
final class NodeModules {

    private static boolean installed;

    private NodeModules() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        Path module = Repo.module();
        Path marker = module.resolve("node_modules/.package-lock.json");
        Path lock = module.resolve("package-lock.json");
        try {
            boolean upToDate = Files.isRegularFile(marker)
                    && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(lock)) >= 0;
            if (!upToDate) {
                System.out.println("[deploy-check] npm ci (from deploy-check/package-lock.json)");
                Command.succeed(module, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        installed = true;
    }

    /** A script of an installed package, to run with node, e.g. {@code @redocly/cli/bin/cli.js}. */
    static String script(String path) {
        install();
        return Repo.module().resolve("node_modules").resolve(path).toString();
    }
}
