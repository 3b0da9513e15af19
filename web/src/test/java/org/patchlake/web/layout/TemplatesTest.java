package org.patchlake.web.layout;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The precompiled templates escape what they are given, in text and in attributes. */
class TemplatesTest {
    @Test
    void text_and_attribute_values_are_escaped_where_they_stand() {
        Map<String, Object> page = new HashMap<>();
        page.put("token", "\"><script>alert(1)</script>");
        page.put("next", "/dashboard");
        page.put("error", "<img src=x onerror=alert(1)> & more");

        String html = Templates.render("pages/signIn.jte", page);

        // in text every markup character is escaped; inside a quoted attribute the quote is, so the value cannot end early
        assertThat(html).doesNotContain("<img", "<script>")
                .contains("<p class=\"error\" id=\"error\">&lt;img src=x onerror=alert(1)&gt; &amp; more</p>")
                .contains("name=\"_csrf\" value=\"&#34;>&lt;script>alert(1)&lt;/script>\"><input type=\"hidden\" name=\"next\"");
    }

    @Test
    void a_missing_optional_value_leaves_its_element_out() {
        Map<String, Object> page = new HashMap<>();
        page.put("token", "t");
        page.put("next", "/dashboard");

        assertThat(Templates.render("pages/signIn.jte", page)).doesNotContain("id=\"error\"").startsWith("<!DOCTYPE html>")
                .endsWith("</html>\n");
    }
}
