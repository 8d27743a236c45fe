/**
 * pb4j's test kit: {@link io.pb4j.test.TestApp} and {@link io.pb4j.test.ApiScenario}, PocketBase's {@code tests}
 * package ({@code tests.NewTestApp}, {@code tests.ApiScenario}) for Java apps.
 */
package io.pb4j.test;
