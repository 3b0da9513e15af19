package org.patchlake.agent.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {

    static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path temporary;

    @Test
    void the_directory_and_everything_in_it_are_closed_to_everyone_but_the_agent() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path root = temporary.resolve("agent");
        Files.createDirectories(root.resolve("spool"));
        Path state = Files.writeString(root.resolve("agent-state.json"), "{\"agentSecret\": \"s3cret\"}");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.setPosixFilePermissions(root.resolve("spool"), PosixFilePermissions.fromString("rwxr-xr-x"));

        StateDirectory.open(root, new PosixDirectoryLockdown());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("spool")))).isEqualTo("rwx------");
    }

    @Test
    void a_missing_directory_is_created_locked_down() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path root = temporary.resolve("new").resolve("agent");
        StateDirectory directory = StateDirectory.open(root, new PosixDirectoryLockdown());
        assertThat(directory.root()).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        assertThat(directory.packages()).isEqualTo(root.resolve("packages"));
    }

    @Test
    void files_planted_in_the_package_cache_are_removed_and_the_agents_own_packages_stay() throws Exception {
        Path packages = Files.createDirectories(temporary.resolve("agent").resolve("packages"));
        Path ours = Files.writeString(packages.resolve("KB5034441-" + SHA + ".exe"), "installer");
        Path dll = Files.writeString(packages.resolve("version.dll"), "planted beside the installer");
        Path partial = Files.writeString(packages.resolve("KB5034441-" + SHA + ".msu.part"), "half a download");
        Path nested = Files.createDirectories(packages.resolve("KB1-" + SHA + ".msu"));
        Files.writeString(nested.resolve("payload"), "a directory with a package's name");

        StateDirectory.open(temporary.resolve("agent"), directory -> { });

        assertThat(ours).exists();
        assertThat(dll).doesNotExist();
        assertThat(partial).doesNotExist();
        assertThat(nested).doesNotExist();
    }

    @Test
    void a_directory_that_cannot_be_secured_is_refused_and_nothing_is_cleaned() throws Exception {
        Path packages = Files.createDirectories(temporary.resolve("agent").resolve("packages"));
        Path dll = Files.writeString(packages.resolve("version.dll"), "planted");
        DirectoryLockdown refusing = directory -> {
            throw new StateDirectoryException("state directory " + directory + " cannot be secured: access denied");
        };
        assertThatThrownBy(() -> StateDirectory.open(temporary.resolve("agent"), refusing))
            .isInstanceOf(StateDirectoryException.class).hasMessageContaining("cannot be secured: access denied");
        assertThat(dll).exists();
    }

    @Test
    void a_state_directory_that_is_a_symbolic_link_is_refused() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path elsewhere = Files.createDirectories(temporary.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(temporary.resolve("agent"), elsewhere);
        assertThatThrownBy(() -> new PosixDirectoryLockdown().secure(link))
            .isInstanceOf(StateDirectoryException.class).hasMessageContaining("is a symbolic link");
    }
}
