package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.FieldTypes;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** PocketBase's defaults for new collections: ids, system fields, auth options with fresh token secrets. */
public final class CollectionDefaults {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;

    private CollectionDefaults() {
    }

    /** {@code pbc_} + decimal CRC32 of type + name, as PocketBase derives collection ids. */
    public static String collectionId(String type, String name) {
        CRC32 crc = new CRC32();
        crc.update((type + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "pbc_" + crc.getValue();
    }

    /** {@code length} secure random characters of {@code [A-Za-z0-9]}. */
    public static String randomString(int length) {
        return io.pb4j.core.security.RandomStrings.alphanumeric(length);
    }

    public static Field idField() {
        return FieldTypes.fromJson(Json.parse("""
                {"autogeneratePattern":"[a-z0-9]{15}","help":"","hidden":false,"id":"text3208210256","max":15,"min":15,\
                "name":"id","pattern":"^[a-z0-9]+$","presentable":false,"primaryKey":true,"required":true,"system":true,"type":"text"}""")
                .orElseThrow().asJsonObject());
    }

    /** The system fields every auth collection has, in PocketBase's order (id excluded). */
    public static List<Field> authSystemFields() {
        List<String> defs = List.of(
                "{\"cost\":0,\"help\":\"\",\"hidden\":true,\"id\":\"password901924565\",\"max\":0,\"min\":8,\"name\":\"password\",\"pattern\":\"\",\"presentable\":false,\"required\":true,\"system\":true,\"type\":\"password\"}",
                "{\"autogeneratePattern\":\"[a-zA-Z0-9]{50}\",\"help\":\"\",\"hidden\":true,\"id\":\"text2504183744\",\"max\":60,\"min\":30,\"name\":\"tokenKey\",\"pattern\":\"\",\"presentable\":false,\"primaryKey\":false,\"required\":true,\"system\":true,\"type\":\"text\"}",
                "{\"exceptDomains\":null,\"help\":\"\",\"hidden\":false,\"id\":\"email3885137012\",\"name\":\"email\",\"onlyDomains\":null,\"presentable\":false,\"required\":true,\"system\":true,\"type\":\"email\"}",
                "{\"help\":\"\",\"hidden\":false,\"id\":\"bool1547992806\",\"name\":\"emailVisibility\",\"presentable\":false,\"required\":false,\"system\":true,\"type\":\"bool\"}",
                "{\"help\":\"\",\"hidden\":false,\"id\":\"bool256245529\",\"name\":\"verified\",\"presentable\":false,\"required\":false,\"system\":true,\"type\":\"bool\"}");
        List<Field> out = new ArrayList<>();
        for (String d : defs) {
            out.add(FieldTypes.fromJson(Json.parse(d).orElseThrow().asJsonObject()));
        }
        return out;
    }

    public static Field autodate(String name, boolean onUpdate, boolean system) {
        return FieldTypes.fromJson(JSON.createObjectBuilder()
                .add("hidden", false).add("id", FieldTypes.defaultId("autodate", name)).add("name", name)
                .add("onCreate", true).add("onUpdate", onUpdate).add("presentable", false).add("system", system)
                .add("type", "autodate").build());
    }

    /** The unique indexes every auth collection keeps (tokenKey, and email where not empty). */
    public static List<String> authIndexes(Collection c) {
        return List.of(
                "CREATE UNIQUE INDEX `idx_tokenKey_" + c.id() + "` ON `" + c.name() + "` (`tokenKey`)",
                "CREATE UNIQUE INDEX `idx_email_" + c.id() + "` ON `" + c.name() + "` (`email`) WHERE `email` != ''");
    }

    /** Default auth options with fresh token secrets (PocketBase v0.39 defaults). */
    public static JsonObject authOptions(boolean superusers) {
        String text = """
                {"authRule":"","manageRule":null,
                 "authAlert":{"enabled":true,"emailTemplate":{"subject":"Login from a new location","body":"<p>Hello,</p>\\n<p>We noticed a login to your {APP_NAME} account from a new location:</p>\\n<p><em>{ALERT_INFO}</em></p>\\n<p><strong>If this wasn't you, you should immediately change your {APP_NAME} account password to revoke access from all other locations.</strong></p>\\n<p>If this was you, you may disregard this email.</p>\\n<p>\\n  Thanks,<br/>\\n  {APP_NAME} team\\n</p>"}},
                 "oauth2":{"providers":[],"mappedFields":{"id":"","name":"","username":"","avatarURL":""},"enabled":false},
                 "passwordAuth":{"enabled":true,"identityFields":["email"]},
                 "mfa":{"enabled":false,"duration":600,"rule":""},
                 "otp":{"enabled":false,"duration":180,"length":8,"emailTemplate":{"subject":"OTP for {APP_NAME}","body":"<p>Hello,</p>\\n<p>Your one-time password is: <strong>{OTP}</strong></p>\\n<p><i>If you didn't ask for the one-time password, you can ignore this email.</i></p>\\n<p>\\n  Thanks,<br/>\\n  {APP_NAME} team\\n</p>"}},
                 "authToken":{"secret":"%s","duration":%d},
                 "passwordResetToken":{"secret":"%s","duration":1800},
                 "emailChangeToken":{"secret":"%s","duration":1800},
                 "verificationToken":{"secret":"%s","duration":86400},
                 "fileToken":{"secret":"%s","duration":180},
                 "verificationTemplate":{"subject":"Verify your {APP_NAME} email","body":"<p>Hello,</p>\\n<p>Thank you for joining us at {APP_NAME}.</p>\\n<p>Click on the button below to verify your email address.</p>\\n<p>\\n  <a class=\\"btn\\" href=\\"{APP_URL}/_/#/auth/confirm-verification/{TOKEN}\\" target=\\"_blank\\" rel=\\"noopener\\">Verify</a>\\n</p>\\n<p>\\n  Thanks,<br/>\\n  {APP_NAME} team\\n</p>"},
                 "resetPasswordTemplate":{"subject":"Reset your {APP_NAME} password","body":"<p>Hello,</p>\\n<p>Click on the button below to reset your password.</p>\\n<p>\\n  <a class=\\"btn\\" href=\\"{APP_URL}/_/#/auth/confirm-password-reset/{TOKEN}\\" target=\\"_blank\\" rel=\\"noopener\\">Reset password</a>\\n</p>\\n<p><i>If you didn't ask to reset your password, you can ignore this email.</i></p>\\n<p>\\n  Thanks,<br/>\\n  {APP_NAME} team\\n</p>"},
                 "confirmEmailChangeTemplate":{"subject":"Confirm your {APP_NAME} new email address","body":"<p>Hello,</p>\\n<p>Click on the button below to confirm your new email address.</p>\\n<p>\\n  <a class=\\"btn\\" href=\\"{APP_URL}/_/#/auth/confirm-email-change/{TOKEN}\\" target=\\"_blank\\" rel=\\"noopener\\">Confirm new email</a>\\n</p>\\n<p><i>If you didn't ask to change your email address, you can ignore this email.</i></p>\\n<p>\\n  Thanks,<br/>\\n  {APP_NAME} team\\n</p>"}}
                """.formatted(randomString(50), superusers ? 86400 : 432000, randomString(50), randomString(50),
                randomString(50), randomString(50));
        return Json.parse(text).orElseThrow().asJsonObject();
    }
}
