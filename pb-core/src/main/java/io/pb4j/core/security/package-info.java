/**
 * PocketBase's {@code tools/security} for apps: secure random strings ({@link io.pb4j.core.security.RandomStrings}),
 * bcrypt password hashes ({@link io.pb4j.core.security.Passwords}) and HS256 tokens ({@link io.pb4j.core.security.Jwt}).
 */
package io.pb4j.core.security;
