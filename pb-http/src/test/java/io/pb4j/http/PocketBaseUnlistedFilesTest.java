package io.pb4j.http;

/**
 * The scenarios of PocketBase test files that have no class of their own yet (a file newly ported into
 * {@link PocketBaseScenarios#PORTED}), so that no ported scenario goes unrun; give the file its class (see
 * {@link PocketBaseTestFile#className}) and they move there.
 */
class PocketBaseUnlistedFilesTest extends PocketBaseTestFile {
    PocketBaseUnlistedFilesTest() {
        super(file -> !hasClass(file));
    }

    private static boolean hasClass(String file) {
        try {
            Class.forName(PocketBaseUnlistedFilesTest.class.getPackageName() + "." + className(file));
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
