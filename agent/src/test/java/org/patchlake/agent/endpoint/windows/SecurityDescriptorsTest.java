package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The state directory's permissions, read as SDDL the way {@code (Get-Acl DIR).Sddl} prints them. */
class SecurityDescriptorsTest {

    /** A folder created under C:\ProgramData with the default inherited permissions (owner: the creating user). */
    static final String PROGRAMDATA_DEFAULT = "O:S-1-5-21-1004336348-1177238915-682003330-1001G:S-1-5-21-1004336348-1177238915-682003330-513"
        + "D:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIIOID;GA;;;CO)(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)";
    /** What the agent applies, as Windows reads it back. */
    static final String LOCKED_DOWN = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";
    /** A file below the locked-down directory, reset to inherit. */
    static final String CHILD = "O:BAG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)";

    @Test
    void the_programdata_default_is_refused_with_every_reason() {
        assertThat(SecurityDescriptors.problems(PROGRAMDATA_DEFAULT, true)).containsExactly(
            "owner is S-1-5-21-1004336348-1177238915-682003330-1001, not SYSTEM or Administrators",
            "the DACL is not protected: it inherits from the parent directory",
            "CREATOR OWNER is allowed GA (inherited)",
            "BUILTIN\\Users is allowed 0X1200A9 (inherited)",
            "BUILTIN\\Users is allowed DCLCRPCR (inherited)");
    }

    @Test
    void the_applied_descriptor_and_its_children_pass() {
        assertThat(SecurityDescriptors.problems(LOCKED_DOWN, true)).isEmpty();
        assertThat(SecurityDescriptors.problems(SecurityDescriptors.STATE_DIRECTORY, true)).isEmpty();
        assertThat(SecurityDescriptors.problems(CHILD, false)).isEmpty();
        assertThat(SecurityDescriptors.problems("O:S-1-5-18D:PAI(A;OICI;0x1f01ff;;;S-1-5-18)(A;OICI;FA;;;S-1-5-32-544)", true))
            .as("numeric SIDs and rights").isEmpty();
    }

    @Test
    void a_planted_file_owned_by_a_user_or_open_to_users_is_named() {
        assertThat(SecurityDescriptors.problems("O:S-1-5-21-1-2-3-1001D:AI(A;;FA;;;S-1-5-21-1-2-3-1001)(A;ID;FA;;;SY)(A;ID;FA;;;BA)", false))
            .containsExactly("owner is S-1-5-21-1-2-3-1001, not SYSTEM or Administrators",
                "S-1-5-21-1-2-3-1001 is allowed FA");
        assertThat(SecurityDescriptors.problems("O:BAD:P(A;;FA;;;BA)(A;;FR;;;WD)", true))
            .containsExactly("Everyone is allowed FR", "SYSTEM does not have full control");
        assertThat(SecurityDescriptors.problems("O:BAD:PAI(D;;FA;;;WD)(A;OICI;FA;;;SY)", true)).as("a deny entry is fine").isEmpty();
    }

    @Test
    void a_missing_or_null_dacl_opens_the_directory_to_everyone() {
        assertThat(SecurityDescriptors.problems("O:BAG:SY", true)).containsExactly("no DACL (everyone has full access)");
        assertThat(SecurityDescriptors.problems("O:BAD:NO_ACCESS_CONTROL", true)).containsExactly("a NULL DACL (everyone has full access)");
    }
}
