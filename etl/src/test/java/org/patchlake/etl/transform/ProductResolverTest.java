package org.patchlake.etl.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductResolverTest {
  private static final String WINDOWS_10 = "Windows 10 Version 22H2 for x64-based Systems";
  private static final String DOT_NET = "Microsoft .NET Framework 3.5 AND 4.8 on Windows 10 Version 22H2 for x64-based Systems";
  private static final String WINDOWS_7 = "Windows 7 for x64-based Systems Service Pack 1";
  private static final String IE_ON_7 = "Internet Explorer 11 on Windows 7 for x64-based Systems Service Pack 1";
  private final ProductResolver resolver = new ProductResolver(List.of(WINDOWS_10, DOT_NET, WINDOWS_7, IE_ON_7));

  @Test
  void the_identity_the_agent_sends_resolves_to_the_os_and_its_in_box_products() {
    ProductResolver.Resolution resolution = resolver.resolve("Windows 10 Enterprise", "10.0.19045", "19045.3930", null, "x64",
        WINDOWS_10);
    assertThat(resolution.resolved()).isTrue();
    assertThat(resolution.products()).containsExactly(WINDOWS_10, DOT_NET);
  }

  @Test
  void a_short_build_as_the_version_is_unresolved_and_says_why() {
    ProductResolver.Resolution resolution = resolver.resolve("Windows 10 Enterprise", "19045", null, null, "x64", WINDOWS_10);
    assertThat(resolution.resolved()).isFalse();
    assertThat(resolution.products()).isEmpty();
    assertThat(resolution.problem()).isEqualTo("OS version '19045' is not an NT version such as 10.0.19045");
  }

  @Test
  void windows_7_without_a_service_pack_field_takes_it_from_the_build() {
    assertThat(resolver.resolve("Windows 7 Enterprise", "6.1.7601", "7601.24544", null, "x64", WINDOWS_7).products())
        .containsExactly(WINDOWS_7, IE_ON_7);
    assertThat(ProductResolver.impliedServicePack("6.1.7600", 7600)).isZero();
    assertThat(ProductResolver.impliedServicePack("6.0.6002", 6002)).isEqualTo(2);
    assertThat(ProductResolver.impliedServicePack("10.0.19045", 19045)).isZero();
  }

  @Test
  void every_way_an_identity_can_fail_is_named() {
    assertThat(resolver.resolve(null, null, null, null, null, null).problem()).startsWith("no OS identity reported");
    assertThat(resolver.resolve("Windows 10 Enterprise", "10.0.19045", null, null, "mips", null).problem())
        .isEqualTo("architecture 'mips' is not one the catalog names");
    assertThat(resolver.resolve("Windows 10 Enterprise", "10.0.12345", null, null, "x64", null).problem())
        .isEqualTo("Windows 10 build 12345 is not a known release");
    assertThat(resolver.resolve("Windows 11 Enterprise", "10.0.22631", null, null, "x64", null).problem())
        .isEqualTo("the catalog has no updates for 'Windows 11 Version 23H2 for x64-based Systems'");
    assertThat(resolver.resolve("Windows 10 Enterprise", "10.0.19045", null, null, "x64", WINDOWS_7).problem())
        .isEqualTo("the agent reported '" + WINDOWS_7 + "' but its OS identity ('Windows 10 Enterprise' 10.0.19045, build 19045)"
            + " is '" + WINDOWS_10 + "'");
  }

  @Test
  void the_agents_product_may_differ_from_the_catalog_spelling_in_case_and_spaces() {
    assertThat(resolver.resolve("Windows 10 Pro", "10.0.19045", "19045.1", null, "x64",
        "Windows 10 Version 22H2 for x64-based  systems").resolved()).isTrue();
  }

  @Test
  void a_server_core_installation_the_agent_reports_gets_the_server_core_products_not_the_full_ones() {
    String server = "Windows Server 2019";
    String core = "Windows Server 2019 (Server Core installation)";
    String ie = "Internet Explorer 11 on Windows Server 2019";
    String dotNet = "Microsoft .NET Framework 3.5 AND 4.7.2 on Windows Server 2019";
    String dotNetCore = "Microsoft .NET Framework 3.5 AND 4.7.2 on Windows Server 2019 (Server Core installation)";
    ProductResolver servers = new ProductResolver(List.of(server, core, ie, dotNet, dotNetCore));

    ProductResolver.Resolution full = servers.resolve("Windows Server 2019 Standard", "10.0.17763", "17763.5329", null, "x64", server);
    assertThat(full.products()).containsExactly(server, ie, dotNet);
    ProductResolver.Resolution serverCore = servers.resolve("Windows Server 2019 Standard", "10.0.17763", "17763.5329", null, "x64",
        core);
    assertThat(serverCore.problem()).isNull();
    assertThat(serverCore.products()).as("Server Core has no Internet Explorer").containsExactly(core, dotNetCore);
    assertThat(servers.resolve("Windows Server 2019 Standard", "10.0.17763", "17763.5329", null, "x64",
        "Windows 10 Version 1809 for x64-based Systems (Server Core installation)").resolved()).isFalse();
  }
}
