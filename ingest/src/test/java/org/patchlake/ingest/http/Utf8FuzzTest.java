package org.patchlake.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Differential fuzzing (Jazzer) of ingest's one-pass UTF-8 check against the JDK's strict decoder: the same bytes are
 * accepted by both (and hold no zero byte) or refused by both. The build runs the corpus in {@code Utf8FuzzTestInputs/}.
 */
class Utf8FuzzTest {
    @FuzzTest(maxDuration = "10s")
    void the_utf8_check_agrees_with_the_jdk_decoder(byte[] bytes) {
        boolean jdk;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            jdk = text.indexOf('\0') < 0;
        } catch (CharacterCodingException e) {
            jdk = false;
        }
        assertThat(Utf8.problem(bytes) == null).as(Utf8.problem(bytes)).isEqualTo(jdk);
    }
}
