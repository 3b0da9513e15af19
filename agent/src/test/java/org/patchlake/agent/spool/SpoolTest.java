package org.patchlake.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.spool.SpooledMessage.MessageKind;

class SpoolTest {

    @TempDir
    Path directory;

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> ids(Spool spool) {
        return spool.pending().stream().map(SpooledMessage::messageId).toList();
    }

    @Test
    void messages_leave_in_the_order_they_came_and_survive_a_reopen() {
        Spool spool = new Spool(directory, 1 << 20);
        spool.append(MessageKind.INVENTORY, "inv-1", body("{\"a\":1}"));
        spool.append(MessageKind.DELIVERY, "del-1", body("{\"b\":2}"));
        spool.append(MessageKind.INVENTORY, "inv-2", body("{\"c\":3}"));

        Spool reopened = new Spool(directory, 1 << 20);
        assertThat(ids(reopened)).containsExactly("inv-1", "del-1", "inv-2");
        SpooledMessage first = reopened.pending().get(0);
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(first.kind()).isEqualTo(MessageKind.INVENTORY);
        reopened.remove(first);
        reopened.append(MessageKind.DELIVERY, "del-2", body("{}"));
        assertThat(ids(new Spool(directory, 1 << 20))).containsExactly("del-1", "inv-2", "del-2");
        assertThat(reopened.stats().sent()).isEqualTo(1);
    }

    @Test
    void sequence_numbers_keep_growing_after_the_spool_was_emptied_and_reopened() {
        Spool spool = new Spool(directory, 1 << 20);
        SpooledMessage first = spool.append(MessageKind.DELIVERY, "d1", body("{}"));
        spool.remove(first);
        SpooledMessage second = new Spool(directory, 1 << 20).append(MessageKind.DELIVERY, "d2", body("{}"));
        assertThat(second.sequence()).isGreaterThan(first.sequence());
    }

    @Test
    void a_half_written_file_from_a_crash_is_ignored_and_cleaned_up() throws Exception {
        Spool spool = new Spool(directory, 1 << 20);
        spool.append(MessageKind.DELIVERY, "d1", body("{}"));
        Files.writeString(directory.resolve("000000000002.delivery.d2.json.tmp"), "{\"trunc");
        Spool reopened = new Spool(directory, 1 << 20);
        assertThat(ids(reopened)).containsExactly("d1");
        assertThat(directory.resolve("000000000002.delivery.d2.json.tmp")).doesNotExist();
    }

    @Test
    void over_its_limit_the_spool_keeps_only_the_newest_inventory_and_every_delivery_and_counts_the_drops() {
        Spool spool = new Spool(directory, 100);
        byte[] forty = body("x".repeat(40));
        spool.append(MessageKind.INVENTORY, "inv-1", forty);
        spool.append(MessageKind.DELIVERY, "del-1", forty);
        spool.append(MessageKind.INVENTORY, "inv-2", forty);
        assertThat(ids(spool)).containsExactly("del-1", "inv-2");
        spool.append(MessageKind.DELIVERY, "del-2", forty);
        spool.append(MessageKind.INVENTORY, "inv-3", forty);
        assertThat(ids(spool)).containsExactly("del-1", "del-2", "inv-3");
        assertThat(spool.stats().compactedInventories()).isEqualTo(2);
        spool.append(MessageKind.DELIVERY, "del-3", forty);
        assertThat(ids(spool)).as("deliveries are never dropped, even over the limit")
            .containsExactly("del-1", "del-2", "inv-3", "del-3");
        assertThat(spool.stats().overLimit()).isPositive();
    }

    @Test
    void a_rejected_message_is_set_aside_with_its_reason_and_counted() throws Exception {
        Spool spool = new Spool(directory, 1 << 20);
        SpooledMessage message = spool.append(MessageKind.INVENTORY, "bad-1", body("{}"));
        spool.reject(message, "HTTP 400: schema_violation field kb");
        assertThat(spool.pending()).isEmpty();
        assertThat(directory.resolve("rejected").resolve(message.file().getFileName())).exists();
        assertThat(Files.readString(directory.resolve("rejected").resolve(message.file().getFileName() + ".reason.txt")))
            .contains("schema_violation");
        assertThat(spool.stats().rejected()).isEqualTo(1);
    }

    @Test
    void a_spool_without_fsync_for_the_simulator_still_keeps_order_and_survives_a_reopen(@TempDir Path directory) {
        Spool spool = new Spool(directory, 1 << 20, false);
        spool.append(MessageKind.INVENTORY, "inv-1", body("{}"));
        spool.append(MessageKind.DELIVERY, "del-1", body("{}"));
        assertThat(ids(new Spool(directory, 1 << 20, false))).containsExactly("inv-1", "del-1");
    }
}
