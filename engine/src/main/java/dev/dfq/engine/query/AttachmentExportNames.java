package dev.dfq.engine.query;

/** The file-name rule of {@link AttachmentExport}, public for tests and callers that pre-check names. */
public final class AttachmentExportNames {
    private AttachmentExportNames() {
    }

    public static String safe(String name) {
        return AttachmentExport.safe(name);
    }
}
