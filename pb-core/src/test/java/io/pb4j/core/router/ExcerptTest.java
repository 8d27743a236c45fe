package io.pb4j.core.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void htmlBecomesPlainTextWithSpacesAroundBlocks() {
        Excerpt e = Excerpt.of("100");
        assertThat(e.apply("<p>Hello <b>big</b>\n  world</p><p>Second&amp;last</p>")).isEqualTo("Hello big world Second&last");
        assertThat(e.apply("<div>a<script>alert(1)</script>b</div><img src=x>c<!-- note -->d")).isEqualTo("ab cd");
    }

    @Test
    void cutsToMaxCharactersAndAddsTheEllipsisWhenAsked() {
        assertThat(Excerpt.of("4,true").apply("achvryl401bhse3")).isEqualTo("achv...");
        assertThat(Excerpt.of("4").apply("achvryl401bhse3")).isEqualTo("achv");
        assertThat(Excerpt.of("20, true").apply("short")).isEqualTo("short");
        assertThat(Excerpt.of("2,1").apply("ääää")).isEqualTo("ää...");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> Excerpt.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Excerpt.of("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Excerpt.of("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Excerpt.of("1,true,3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsKeepsCommasInsideTheModifierAndAppliesItToStrings() {
        var json = jakarta.json.Json.createObjectBuilder().add("id", "abcdefgh").add("body", "<p>one two three</p>").add("n", 5).build();
        var picked = FieldsPicker.pick(json, "*,body:excerpt(7,true),n:excerpt(1)").asJsonObject();
        assertThat(picked.getString("body")).isEqualTo("one two...");
        assertThat(picked.getString("id")).isEqualTo("abcdefgh");
        assertThat(picked.getInt("n")).isEqualTo(5);
    }
}
