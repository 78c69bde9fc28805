package vn.actionmonth.deploycheck;

import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.ServiceJvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service JVM is sized the same wherever it runs: every JAVA_TOOL_OPTIONS the deployment files
 * set is the one the stacks of the run command, the tests and the benchmark were measured with.
 */
class JvmSizingTest {

    private static final Pattern TOOL_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS\\s*[=:]\\s*\"?([^\"\\\\\\n]+?)\"?\\s*(\\\\)?$",
            Pattern.MULTILINE);

    @Test
    void everyDeploymentFileSizesTheJvmAsTheStacksDo() {
        List<Path> files = new ArrayList<>();
        Repo.services().forEach(s -> files.add(Repo.path(s + "/Dockerfile")));
        files.add(Repo.path("docker-compose.yml"));
        files.add(Repo.path("k8s/base/kustomization.yaml"));
        for (Path file : files) {
            List<String> found = new ArrayList<>();
            Matcher m = TOOL_OPTIONS.matcher(Repo.read(file));
            while (m.find()) {
                found.add(m.group(1).trim());
            }
            assertThat(found).as("JAVA_TOOL_OPTIONS in %s", Repo.show(file)).isNotEmpty()
                    .allSatisfy(options -> assertThat(options).isEqualTo(ServiceJvm.containerOptions()));
        }
    }
}
