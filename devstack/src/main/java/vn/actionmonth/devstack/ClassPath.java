package vn.actionmonth.devstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;

/** The class path of this JVM as a list of files, with manifest-only launcher jars expanded. */
final class ClassPath {

    private ClassPath() {
    }

    /**
     * Test runners often start the JVM with a single jar whose manifest names the real class
     * path; a child JVM given that jar alone would not see the entries, so they are expanded.
     */
    static String current() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar")) {
                entries.addAll(manifestClassPath(Path.of(entry)));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Set<String> manifestClassPath(Path jar) {
        Set<String> out = new LinkedHashSet<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            var manifest = jf.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null) {
                return out;
            }
            for (String ref : cp.trim().split("\\s+")) {
                if (ref.isEmpty()) {
                    continue;
                }
                URI uri = jar.toUri().resolve(ref);
                out.add(Path.of(uri).toString());
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not a readable jar or an unusual reference: the entry itself still stands.
        }
        return out;
    }
}
