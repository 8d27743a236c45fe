package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import org.junit.jupiter.api.Test;

class DomainFieldsTest {
    @Test
    void emailFormatAndDomainListsAreChecked() {
        EmailField email = field("{'type':'email','name':'e','id':'x','onlyDomains':['example.com']}");
        assertThat(email.validate("")).isEmpty();
        assertThat(email.validate("not-an-email")).contains(new ValidationError("validation_is_email",
                "Must be a valid email address."));
        assertThat(email.validate("a@other.com")).contains(new ValidationError("validation_email_domain_not_allowed",
                "Email domain is not allowed."));
        assertThat(email.validate("a@example.com")).isEmpty();
        EmailField except = field("{'type':'email','name':'e','id':'x','exceptDomains':['example.com']}");
        assertThat(except.validate("a@example.com").get().code()).isEqualTo("validation_email_domain_not_allowed");
    }

    @Test
    void urlFormatAndExactHostsAreChecked() {
        UrlField url = field("{'type':'url','name':'u','id':'x','onlyDomains':['example.com']}");
        assertThat(url.validate("not a url")).contains(new ValidationError("validation_invalid_url", "Must be a valid url."));
        assertThat(url.validate("https://example.com/a")).isEmpty();
        assertThat(url.validate("https://example.com:8080/a")).contains(new ValidationError(
                "validation_url_domain_not_allowed", "Url domain is not allowed."));
        UrlField required = field("{'type':'url','name':'u','id':'x','required':true}");
        assertThat(required.validate("")).contains(ValidationError.required());
    }

    @Test
    void domainListsAreExclusiveAndMustHoldDomains() {
        EmailField both = field("{'type':'email','name':'e','id':'x','onlyDomains':['a.com'],'exceptDomains':['b.com']}");
        assertThat(both.validateDefinition().get("onlyDomains").code()).isEqualTo("validation_empty");
        assertThat(both.validateDefinition().get("exceptDomains").code()).isEqualTo("validation_empty");
        UrlField bad = field("{'type':'url','name':'u','id':'x','onlyDomains':['ok.com','not a domain']}");
        assertThat(bad.validateDefinition().get("onlyDomains.1").code()).isEqualTo("validation_is_domain");
    }
}
