package org.patchlake.ingest.landing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GzipMembersTest {
    private final GzipMembers gzip = new GzipMembers(1);

    @Test
    void concatenated_members_read_as_one_gzip_stream() throws IOException {
        byte[] file = concat(gzip.compress(line("a")), gzip.compress(line("b")));

        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"m\":\"a\"}\n{\"m\":\"b\"}\n");
        }
    }

    @Test
    void a_file_cut_at_any_byte_keeps_exactly_the_members_that_are_complete() {
        byte[] first = gzip.compress(line("first"));
        byte[] second = gzip.compress(line("second".repeat(200)));
        byte[] third = gzip.compress(line("third"));
        byte[] file = concat(first, second, third);

        for (int cut = 0; cut <= file.length; cut++) {
            List<String> contents = new ArrayList<>();
            long valid = GzipMembers.validPrefix(file, cut, content -> contents.add(new String(content, StandardCharsets.UTF_8)));

            int expectedMembers = cut >= file.length ? 3 : cut >= first.length + second.length ? 2 : cut >= first.length ? 1 : 0;
            assertThat(contents).as("cut at %d", cut).hasSize(expectedMembers);
            long expectedValid = expectedMembers == 3 ? file.length : expectedMembers == 2 ? first.length + second.length
                    : expectedMembers == 1 ? first.length : 0;
            assertThat(valid).as("cut at %d", cut).isEqualTo(expectedValid);
        }
    }

    @Test
    void a_corrupted_member_ends_the_valid_prefix() {
        byte[] first = gzip.compress(line("first"));
        byte[] second = gzip.compress(line("second"));
        byte[] file = concat(first, second);
        file[first.length + 12] ^= 0x21;

        assertThat(GzipMembers.validPrefix(file, file.length, content -> { })).isEqualTo(first.length);
    }

    @Test
    void a_line_spread_over_members_is_kept_only_when_every_member_of_it_is_complete() throws IOException {
        byte[] first = gzip.compress(line("first"));
        byte[] head = GzipMembers.stored("{\"m\":\"second\",\"payload\":".getBytes(StandardCharsets.UTF_8));
        byte[] payload = gzip.compress(("{\"kb\":\"" + "KB5034441".repeat(300) + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] end = GzipMembers.stored("}\n".getBytes(StandardCharsets.UTF_8));
        byte[] file = concat(first, head, payload, end);

        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).hasSize(2)
                    .allSatisfy(text -> assertThat(text).startsWith("{\"m\":").endsWith("}"));
        }
        for (int cut = 0; cut <= file.length; cut++) {
            List<String> contents = new ArrayList<>();
            long valid = GzipMembers.validPrefix(file, cut, content -> contents.add(new String(content, StandardCharsets.UTF_8)));

            long expectedValid = cut == file.length ? file.length : cut >= first.length ? first.length : 0;
            assertThat(valid).as("cut at %d", cut).isEqualTo(expectedValid);
            assertThat(contents).as("cut at %d", cut).hasSize(cut == file.length ? 2 : cut >= first.length ? 1 : 0)
                    .allSatisfy(text -> assertThat(text).endsWith("}\n"));
        }
    }

    private static byte[] line(String id) {
        return ("{\"m\":\"" + id + "\"}\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
