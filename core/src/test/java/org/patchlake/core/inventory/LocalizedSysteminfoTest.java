package org.patchlake.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-written systeminfo captures in Russian, Chinese (PRC), Japanese, Korean, Brazilian Portuguese, Polish, Turkish
 * and Czech (test resources localized/*.txt, kept as UTF-8 text with CRLF and the value column where Windows puts it,
 * wide characters taking two console cells), each written here as Windows writes it: in the language's OEM code page
 * ({@code systeminfo > file} in cmd), its ANSI code page (Notepad), and UTF-16 LE with a BOM (PowerShell's
 * Out-File). Evaluation and localized editions name the OS with the vendor and the edition phrase in the local
 * script, before or after "Windows Server 2012 R2 Standard". Every one is read with the right code page and
 * identifies the right catalog product.
 */
class LocalizedSysteminfoTest {
    record Capture(String file, String language, String osName, String version, int build, int servicePack,
            String product, List<String> hotfixes) {
    }

    private static final List<String> SERVER_2012_R2_HOTFIXES = List.of("KB2919355", "KB2919442", "KB4487000");
    private static final List<Capture> CAPTURES = List.of(
            new Capture("ru_srv2012r2_evaluation.txt", "ru", "Майкрософт Windows Server 2012 R2 Standard ознакомительная версия",
                    "6.3.9600", 9600, 0, "Windows Server 2012 R2", SERVER_2012_R2_HOTFIXES),
            new Capture("ru_srv2012r2_evaluation_phrase_first.txt", "ru", "Майкрософт Ознакомительная версия Windows Server 2012 R2 Standard",
                    "6.3.9600", 9600, 0, "Windows Server 2012 R2", SERVER_2012_R2_HOTFIXES),
            new Capture("ru_win10_1809.txt", "ru", "Майкрософт Windows 10 Pro", "10.0.17763", 17763, 0,
                    "Windows 10 Version 1809 for x64-based Systems", List.of("KB4483452", "KB4487044")),
            new Capture("zh-cn_srv2012r2_evaluation_phrase_first.txt", "zh-cn", "微软 评估版 Windows Server 2012 R2 Standard",
                    "6.3.9600", 9600, 0, "Windows Server 2012 R2", SERVER_2012_R2_HOTFIXES),
            new Capture("zh-cn_win10_22h2.txt", "zh-cn", "Microsoft Windows 10 专业版", "10.0.19045", 19045, 0,
                    "Windows 10 Version 22H2 for x64-based Systems", List.of("KB5034441", "KB5034763")),
            new Capture("ja_srv2012r2_evaluation_phrase_first.txt", "ja", "マイクロソフト 評価版 Windows Server 2012 R2 Standard",
                    "6.3.9600", 9600, 0, "Windows Server 2012 R2", SERVER_2012_R2_HOTFIXES),
            new Capture("ja_win11_22h2.txt", "ja", "Microsoft Windows 11 Pro", "10.0.22621", 22621, 0,
                    "Windows 11 Version 22H2 for x64-based Systems", List.of("KB5022497", "KB5022845")),
            new Capture("ko_srv2019_evaluation_phrase_first.txt", "ko", "마이크로소프트 평가판 Windows Server 2019 Datacenter",
                    "10.0.17763", 17763, 0, "Windows Server 2019", List.of("KB4483452", "KB4487044")),
            new Capture("ko_win10_22h2.txt", "ko", "Microsoft Windows 10 Pro", "10.0.19045", 19045, 0,
                    "Windows 10 Version 22H2 for x64-based Systems", List.of("KB5034441")),
            new Capture("pt-br_srv2012r2_evaluation.txt", "pt-br", "Microsoft Windows Server 2012 R2 Standard Avaliação",
                    "6.3.9600", 9600, 0, "Windows Server 2012 R2", SERVER_2012_R2_HOTFIXES),
            new Capture("pt-br_win10_1809.txt", "pt-br", "Microsoft Windows 10 Pro", "10.0.17763", 17763, 0,
                    "Windows 10 Version 1809 for x64-based Systems", List.of("KB4483452", "KB4487044")),
            new Capture("pl_srv2012r2_evaluation.txt", "pl", "Microsoft Windows Server 2012 R2 Standard (wersja ewaluacyjna)",
                    "6.3.9600", 9600, 0, "Windows Server 2012 R2", SERVER_2012_R2_HOTFIXES),
            new Capture("pl_win7_sp1.txt", "pl", "Microsoft Windows 7 Professional", "6.1.7601", 7601, 1,
                    "Windows 7 for x64-based Systems Service Pack 1", List.of("KB976902", "KB4486563")),
            new Capture("tr_srv2012r2_evaluation.txt", "tr", "Microsoft Windows Server 2012 R2 Standard Değerlendirme Sürümü",
                    "6.3.9600", 9600, 0, "Windows Server 2012 R2", SERVER_2012_R2_HOTFIXES),
            new Capture("tr_win10_1803.txt", "tr", "Microsoft Windows 10 Pro", "10.0.17134", 17134, 0,
                    "Windows 10 Version 1803 for x64-based Systems", List.of("KB4487017")),
            new Capture("cs_srv2012r2_evaluation.txt", "cs", "Microsoft Windows Server 2012 R2 Standard (zkušební verze)",
                    "6.3.9600", 9600, 0, "Windows Server 2012 R2", SERVER_2012_R2_HOTFIXES),
            new Capture("cs_win7_sp1.txt", "cs", "Microsoft Windows 7 Profesional", "6.1.7601", 7601, 1,
                    "Windows 7 for x64-based Systems Service Pack 1", List.of("KB976902", "KB4486563")));

    /** The OEM and the ANSI code page of each language (the same one for the double-byte Asian code pages). */
    private static List<String> codePages(String language) {
        return switch (language) {
            case "ru" -> List.of("IBM866", "windows-1251");
            case "zh-cn" -> List.of("GBK");
            case "ja" -> List.of("windows-31j");
            case "ko" -> List.of("x-windows-949");
            case "pt-br" -> List.of("IBM850", "windows-1252");
            case "pl", "cs" -> List.of("IBM852", "windows-1250");
            case "tr" -> List.of("IBM857", "windows-1254");
            default -> throw new IllegalArgumentException("no code pages for " + language);
        };
    }

    static Stream<Arguments> capturesAsWindowsWritesThem() {
        List<Arguments> arguments = new ArrayList<>();
        for (Capture capture : CAPTURES) {
            for (String codePage : codePages(capture.language())) {
                arguments.add(Arguments.of(capture, codePage));
            }
            arguments.add(Arguments.of(capture, "UTF-16LE with BOM"));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("capturesAsWindowsWritesThem")
    void a_localized_capture_is_read_in_its_code_page_and_identifies_its_product(Capture capture, String encoding) {
        String text = resource(capture.file());
        byte[] bytes = encoding.startsWith("UTF-16") ? utf16WithBom(text) : encode(text, Charset.forName(encoding));

        Inventory inventory = InventoryParser.parse(capture.file(), bytes);

        assertThat(inventory.format()).isEqualTo(InventoryFormat.SYSTEMINFO);
        assertThat(inventory.encoding()).isEqualTo(encoding.startsWith("UTF-16") ? "UTF-16LE (BOM)" : Charset.forName(encoding).name());
        InventoryOs os = inventory.os();
        assertThat(os.name()).as("the OS name, read in the right code page").isEqualTo(capture.osName());
        assertThat(os.version()).isEqualTo(capture.version());
        assertThat(os.build()).isEqualTo(capture.build());
        assertThat(os.servicePack()).isEqualTo(capture.servicePack());
        assertThat(os.architecture()).isEqualTo(Architecture.X64);
        assertThat(inventory.installed()).extracting(InstalledKb::kb).containsExactlyElementsOf(capture.hotfixes());
        assertThat(inventory.declaredHotfixes()).isEqualTo(capture.hotfixes().size());
        assertThat(ProductIdentifier.osProductName(os)).contains(capture.product());
    }

    private static byte[] encode(String text, Charset charset) {
        try {
            ByteBuffer buffer = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the fixture cannot be written in " + charset + ": " + e.getMessage(), e);
        }
    }

    private static byte[] utf16WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }

    private static String resource(String name) {
        try (InputStream in = LocalizedSysteminfoTest.class.getResourceAsStream("localized/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource localized/" + name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
