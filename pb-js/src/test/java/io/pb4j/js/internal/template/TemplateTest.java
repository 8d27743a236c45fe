package io.pb4j.js.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go html/template's actions on the outputs Go gives for them (checked against Go's text/template semantics). */
class TemplateTest {
    private static String run(String text, Object data) {
        return Template.parse(text).execute(data);
    }

    private static final Map<String, Object> DATA = Map.of(
            "name", "<b>Ann & Bob</b>",
            "n", 3L,
            "items", List.of("a", "b", "c"),
            "empty", List.of(),
            "user", Map.of("name", "ann", "admin", true, "tags", List.of("x", "y")),
            "price", 2.5,
            "html", "<i>ok</i>");

    @Test
    void fieldsAreEscapedAsGoEscapesText() {
        assertThat(run("<p>{{.name}}</p>", DATA)).isEqualTo("<p>&lt;b&gt;Ann &amp; Bob&lt;/b&gt;</p>");
        assertThat(run("{{.user.name}} {{ .n }} {{.price}} {{.missing}}!", DATA)).isEqualTo("ann 3 2.5 !");
        assertThat(run("{{\"it's 1+1\"}}", DATA)).isEqualTo("it&#39;s 1&#43;1");
        assertThat(run("{{.html | raw}} {{raw .html}}", DATA)).isEqualTo("<i>ok</i> <i>ok</i>");
        assertThat(run("{{.items}} {{.user.tags}}", DATA)).isEqualTo("[a b c] [x y]");
    }

    @Test
    void ifElseIfElseAndComparisons() {
        String t = "{{if eq .n 1}}one{{else if gt .n 2}}many{{else}}two{{end}}";
        assertThat(run(t, DATA)).isEqualTo("many");
        assertThat(run(t, Map.of("n", 1L))).isEqualTo("one");
        assertThat(run(t, Map.of("n", 2L))).isEqualTo("two");
        assertThat(run("{{if and .user.admin (not .empty)}}admin{{end}}", DATA)).isEqualTo("admin");
        assertThat(run("{{if or .empty .missing}}yes{{else}}no{{end}}", DATA)).isEqualTo("no");
        assertThat(run("{{if eq .user.name \"bob\" \"ann\"}}found{{end}}", DATA)).isEqualTo("found");
        assertThat(run("{{if ne .n 3}}x{{else}}y{{end}}{{if le 2 .n}}z{{end}}{{if lt 1.5 .price}}p{{end}}", DATA)).isEqualTo("yzp");
    }

    @Test
    void rangeWithIndexElseBreakAndContinue() {
        assertThat(run("{{range .items}}<{{.}}>{{end}}", DATA)).isEqualTo("<a><b><c>");
        assertThat(run("{{range $i, $e := .items}}{{$i}}={{$e}};{{end}}", DATA)).isEqualTo("0=a;1=b;2=c;");
        assertThat(run("{{range .empty}}x{{else}}none{{end}}", DATA)).isEqualTo("none");
        assertThat(run("{{range $k, $v := .user}}{{$k}},{{end}}", DATA)).isEqualTo("admin,name,tags,");
        assertThat(run("{{range .items}}{{if eq . \"b\"}}{{continue}}{{end}}{{if eq . \"c\"}}{{break}}{{end}}{{.}}{{end}}", DATA))
                .isEqualTo("a");
        assertThat(run("{{range $i, $e := .items}}{{$.n}}{{end}}", DATA)).isEqualTo("333");
        assertThat(run("{{range 3}}{{.}}{{end}}", DATA)).isEqualTo("012");
    }

    @Test
    void withVariablesAndTrimMarkers() {
        assertThat(run("{{with .user}}{{.name}}{{end}}{{with .missing}}x{{else}}-{{end}}", DATA)).isEqualTo("ann-");
        assertThat(run("{{$x := .n}}{{$x}}{{$x = 5}}{{$x}}", DATA)).isEqualTo("35");
        assertThat(run("a  {{- .n -}}  b\n{{- /* a comment */ -}}\nc", DATA)).isEqualTo("a3bc");
    }

    @Test
    void functionsAndPipelines() {
        assertThat(run("{{len .items}} {{index .items 1}} {{index .user \"name\"}} {{len .name}}", DATA)).isEqualTo("3 b ann 16");
        assertThat(run("{{printf \"%s has %d items costing %.2f\" .user.name (len .items) .price}}", DATA))
                .isEqualTo("ann has 3 items costing 2.50");
        assertThat(run("{{.user.name | printf \"%q\"}}", DATA)).isEqualTo("&#34;ann&#34;");
        assertThat(run("{{print \"a\" 1 2 \"b\"}}|{{urlquery \"a b&c\"}}|{{slice \"hello\" 1 3}}", DATA)).isEqualTo("a1 2b|a&#43;b%26c|el");
        assertThat(run("{{html .html}}", DATA)).isEqualTo("&lt;i&gt;ok&lt;/i&gt;");
    }

    @Test
    void defineTemplateAndBlockAcrossFilesAsParseFiles() {
        LinkedHashMap<String, String> files = new LinkedHashMap<>();
        files.put("layout.html", "<title>{{block \"title\" .}}Default title{{end}}</title>"
                + "<body>{{block \"body\" .}}Default body{{end}}</body>");
        files.put("hello.html", "{{define \"title\"}}Page 1{{end}}\n{{define \"body\"}}<p>Hello from {{.name}}</p>{{end}}");
        assertThat(Template.parseFiles(files).execute(Map.of("name", "<x>")))
                .isEqualTo("<title>Page 1</title><body><p>Hello from &lt;x&gt;</p></body>");
        LinkedHashMap<String, String> only = new LinkedHashMap<>();
        only.put("layout.html", files.get("layout.html"));
        assertThat(Template.parseFiles(only).execute(Map.of())).isEqualTo("<title>Default title</title><body>Default body</body>");
        assertThat(run("{{define \"item\"}}[{{.}}]{{end}}{{range .items}}{{template \"item\" .}}{{end}}", DATA)).isEqualTo("[a][b][c]");
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> run("{{if .n}}x", DATA)).hasMessageContaining("unexpected EOF");
        assertThatThrownBy(() -> run("{{nope .n}}", DATA)).hasMessage("function \"nope\" not defined");
        assertThatThrownBy(() -> run("{{template \"x\"}}", DATA)).hasMessage("no such template \"x\"");
        assertThatThrownBy(() -> run("{{.n", DATA)).hasMessage("unclosed action");
        assertThatThrownBy(() -> run("{{$y}}", DATA)).hasMessage("undefined variable: $y");
    }
}
