package org.patchlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlake.core.protocol.Ack;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.DeliveryAttempt;
import org.patchlake.core.protocol.DeliveryReport;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.EnrollResponse;
import org.patchlake.core.protocol.ErrorBody;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.core.protocol.MaintenanceWindow;
import org.patchlake.core.protocol.OsIdentity;
import org.patchlake.core.protocol.PendingReboot;
import org.patchlake.core.protocol.Policy;
import org.patchlake.core.protocol.PolicySet;
import org.patchlake.core.protocol.PolicyUpdate;
import org.patchlake.core.protocol.RebootSettings;
import org.patchlake.core.protocol.RuleResult;
import org.patchlake.core.protocol.ScanError;
import org.patchlake.ingest.landing.EnrollmentRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema files document exactly the fields of the wire records (no drift either way). */
class SchemaConsistencyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of("enroll-request.json", "", EnrollRequest.class),
                Arguments.of("enroll-response.json", "", EnrollResponse.class),
                Arguments.of("inventory-report.json", "", InventoryReport.class),
                Arguments.of("inventory-report.json", "/properties/installedUpdates/items", InstalledUpdate.class),
                Arguments.of("inventory-report.json", "/properties/pendingReboot", PendingReboot.class),
                Arguments.of("inventory-report.json", "/properties/scanErrors/items", ScanError.class),
                Arguments.of("inventory-report.json", "/properties/ruleResults/items", RuleResult.class),
                Arguments.of("inventory-report.json", "/properties/windowsUpdate", org.patchlake.core.protocol.WindowsUpdateVerdict.class),
                Arguments.of("inventory-report.json", "/properties/windowsUpdate/properties/missing/items",
                        org.patchlake.core.protocol.MissingUpdate.class),
                Arguments.of("delivery-report.json", "", DeliveryReport.class),
                Arguments.of("delivery-report.json", "/properties/attempts/items", DeliveryAttempt.class),
                Arguments.of("policy-set.json", "", PolicySet.class),
                Arguments.of("policy-set.json", "/$defs/Policy", Policy.class),
                Arguments.of("policy-set.json", "/$defs/PolicyUpdate", PolicyUpdate.class),
                Arguments.of("policy-set.json", "/$defs/MaintenanceWindow", MaintenanceWindow.class),
                Arguments.of("policy-set.json", "/$defs/RebootSettings", RebootSettings.class),
                Arguments.of("policy-set.json", "/$defs/ComputerAction", org.patchlake.core.protocol.ComputerAction.class),
                Arguments.of("common.json", "/$defs/OsIdentity", OsIdentity.class),
                Arguments.of("common.json", "/$defs/AgentSettings", AgentSettings.class),
                Arguments.of("ack.json", "", Ack.class),
                Arguments.of("error.json", "", ErrorBody.class),
                Arguments.of("enrollment-record.json", "", EnrollmentRecord.class),
                Arguments.of("computer-move-record.json", "", org.patchlake.ingest.landing.ComputerMoveRecord.class));
    }

    @ParameterizedTest(name = "{0}{1} documents {2}")
    @MethodSource("schemas")
    void schema_properties_are_the_record_components(String file, String pointer, Class<? extends Record> type) throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/" + file)) {
            assertThat(in).as(file).isNotNull();
            schema = MAPPER.readTree(in).at(pointer);
        }
        Set<String> components = new HashSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));

        assertThat(properties).as(file + pointer).isEqualTo(components);
        assertThat(components).as(file + pointer + " required").containsAll(required);
        assertThat(schema.get("additionalProperties").asBoolean(true)).as(file + pointer + " closed").isFalse();
    }
}
