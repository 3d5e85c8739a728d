package dev.dfq.fields.mail;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;

/**
 * Field ids of smtp.*, imf.*, mime_multipart.* and the body protocols, resolved once from a
 * registry. A field the registry lacks has id -1 and is simply not added, so small test
 * registries work.
 */
final class MailFields {
    final FieldRegistry registry;
    // smtp
    final int smtp, req, rsp, message, commandLine, reqCommand, reqParameter, response, responseCode,
            rspParameter, authUsername, authPassword, authUserPass, eom, fragments, fragment, fragmentCount,
            reassembledIn, reassembledLength, base64Decode, codeUnexpected;
    // imf
    final int imf, extension, extensionType, extensionValue, displayName, address, addressListItem,
            mailboxListItem, messageText, contentTypeType, contentTypeParams, sioMarking, sioFgcolor, sioBgcolor,
            sioType, sioLabel, sioUnknown, unknownParam;
    // mime_multipart
    final int multipart, mpType, mpPart, mpFirstBoundary, mpPreamble, mpBoundary, mpLastBoundary, mpTrailer,
            mpNoRequired;
    // bodies
    final int textLines, media, mediaType, data, dataData, dataLen;
    final int malformed;
    // expert info objects
    final int expert, expertMessage, expertSeverity, expertGroup;

    /** Ids of fields the query does not read are -1 too: the dissectors then skip adding them. */
    private final java.util.function.IntPredicate wanted;

    MailFields(FieldRegistry r) {
        this(r, null);
    }

    /** @param wanted the fields to add, or null for all */
    MailFields(FieldRegistry r, java.util.function.IntPredicate wanted) {
        registry = r;
        this.wanted = wanted;
        smtp = id("smtp");
        req = id("smtp.req");
        rsp = id("smtp.rsp");
        message = id("smtp.message");
        commandLine = id("smtp.command_line");
        reqCommand = id("smtp.req.command");
        reqParameter = id("smtp.req.parameter");
        response = id("smtp.response");
        responseCode = id("smtp.response.code");
        rspParameter = id("smtp.rsp.parameter");
        authUsername = id("smtp.auth.username");
        authPassword = id("smtp.auth.password");
        authUserPass = id("smtp.auth.username_password");
        eom = id("smtp.eom");
        fragments = id("smtp.data.fragments");
        fragment = id("smtp.data.fragment");
        fragmentCount = id("smtp.data.fragment.count");
        reassembledIn = id("smtp.data.reassembled.in");
        reassembledLength = id("smtp.data.reassembled.length");
        base64Decode = id("smtp.base64_decode");
        codeUnexpected = id("smtp.response.code.unexpected");
        imf = id("imf");
        extension = id("imf.extension");
        extensionType = id("imf.extension.type");
        extensionValue = id("imf.extension.value");
        displayName = id("imf.display_name");
        address = id("imf.address");
        addressListItem = id("imf.address_list.item");
        mailboxListItem = id("imf.mailbox_list.item");
        messageText = id("imf.message_text");
        contentTypeType = id("imf.content.type.type");
        contentTypeParams = id("imf.content.type.parameters");
        sioMarking = id("imf.siolabel.marking");
        sioFgcolor = id("imf.siolabel.fgcolor");
        sioBgcolor = id("imf.siolabel.bgcolor");
        sioType = id("imf.siolabel.type");
        sioLabel = id("imf.siolabel.label");
        sioUnknown = id("imf.siolabel.unknown");
        unknownParam = id("imf.unknown_param");
        multipart = id("mime_multipart");
        mpType = id("mime_multipart.type");
        mpPart = id("mime_multipart.part");
        mpFirstBoundary = id("mime_multipart.first_boundary");
        mpPreamble = id("mime_multipart.preamble");
        mpBoundary = id("mime_multipart.boundary");
        mpLastBoundary = id("mime_multipart.last_boundary");
        mpTrailer = id("mime_multipart.trailer");
        mpNoRequired = id("mime_multipart.no_required_parameter");
        textLines = id("data-text-lines");
        media = id("media");
        mediaType = id("media.type");
        data = id("data");
        dataData = id("data.data");
        dataLen = id("data.len");
        malformed = id("_ws.malformed");
        expert = id("_ws.expert");
        expertMessage = id("_ws.expert.message");
        expertSeverity = id("_ws.expert.severity");
        expertGroup = id("_ws.expert.group");
    }

    /**
     * Whether to add text-only items (a body's lines): only when every field is wanted, that is
     * when the whole tree may be written; a filter or -e never reads them.
     */
    boolean textItems() {
        return wanted == null;
    }

    /** Ids looked up by name while dissecting (MIME part headers), remembered. */
    private final java.util.Map<String, Integer> byName = new java.util.HashMap<>();

    int id(String name) {
        return byName.computeIfAbsent(name, n -> {
            int id = registry.byName(n).map(FieldDef::id).orElse(-1);
            return id >= 0 && (wanted == null || wanted.test(id)) ? id : -1;
        });
    }
}
