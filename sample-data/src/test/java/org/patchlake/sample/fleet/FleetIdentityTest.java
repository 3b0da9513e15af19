package org.patchlake.sample.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.windows.ComputerNames;
import org.patchlake.agent.endpoint.windows.RawRegistry;
import org.patchlake.agent.endpoint.windows.RegistryData;
import org.patchlake.agent.endpoint.windows.RegistryPath;
import org.patchlake.agent.endpoint.windows.RegistryReader;
import org.patchlake.agent.endpoint.windows.WindowsIdentity;
import org.patchlake.agent.scan.Scanner;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.protocol.OsIdentity;
import org.patchlake.etl.transform.ProductResolver;

/**
 * A generated machine describes itself the way Windows does: the Windows backend, reading the machine's own registry,
 * gets the identity the simulated endpoint hands the scan, and the server places what the scan sends among the
 * catalog's products with every in-box component the generator gave the machine.
 */
class FleetIdentityTest {
    private static final Instant AS_OF = Instant.parse("2025-12-01T00:00:00Z");

    /** The simulated machine's registry as the Windows API returns it (every value a REG_SZ string). */
    private record EndpointRegistry(SimulatedEndpoint endpoint) implements RawRegistry {
        @Override
        public boolean keyExists(RegistryPath key, int access) {
            return endpoint.registryKeyExists(key.hive() + "\\" + key.subKey());
        }

        @Override
        public Optional<RegistryData> read(RegistryPath key, String name, int access) {
            return endpoint.registryValue(key.hive() + "\\" + key.subKey(), name)
                .map(value -> new RegistryData(RegistryData.REG_SZ, (value + "\0").getBytes(StandardCharsets.UTF_16LE)));
        }
    }

    private record Names(String hostname, String dnsDomain) implements ComputerNames {
    }

    @Test
    void every_operating_system_of_a_fleet_sends_what_the_windows_backend_would_and_keeps_its_in_box_products() {
        Catalog catalog = FleetCatalogs.catalog();
        FleetGenerator generator = new FleetGenerator(catalog);
        List<FleetMember> fleet = generator.generate(new FleetSpec(600, 4, AS_OF, Duration.ofDays(14), Organisation.contoso()));
        ProductResolver resolver = new ProductResolver(catalog.products());
        assertThat(fleet).extracting(member -> member.machine().os().product()).contains(FleetCatalogs.WINDOWS_7,
            "Windows Server 2012 R2", "Windows 11 Version 24H2 for x64-based Systems");
        for (FleetMember member : fleet) {
            SimulatedEndpoint endpoint = new SimulatedEndpoint(member.machine(), new SettableClock(AS_OF));
            ComputerIdentity simulated = endpoint.osIdentity();
            ComputerIdentity windows = new WindowsIdentity(new RegistryReader(new EndpointRegistry(endpoint)),
                new Names(member.hostname(), member.machine().domain())).read();
            assertThat(windows).as(member.hostname()).isEqualTo(simulated);

            OsIdentity sent = Scanner.osIdentityOf(simulated);
            ProductResolver.Resolution resolution = resolver.resolve(sent.name(), sent.version(), sent.build(),
                sent.servicePack(), sent.architecture(), sent.product());
            assertThat(resolution.problem()).as(member.hostname() + " sends " + sent).isNull();
            assertThat(resolution.products()).as(member.hostname())
                .isEqualTo(generator.productsOf(member.machine().os().product()))
                .contains(member.machine().os().product());
            assertThat(member.machine().windowsUpdate().products()).isEqualTo(resolution.products());
        }
        assertThat(generator.productsOf(FleetCatalogs.WINDOWS_7)).contains(FleetCatalogs.IE_ON_7);
        assertThat(generator.productsOf(FleetCatalogs.WINDOWS_10)).contains(FleetCatalogs.DOT_NET_ON_10);
        assertThat(generator.productsOf("Windows Server 2012 R2")).contains(FleetCatalogs.IE_ON_2012_R2);
    }
}
