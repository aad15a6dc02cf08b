package org.hotline12345.notification.delivery;

import java.util.Map;
import org.hotline12345.notification.contacts.CitizenContacts;
import org.hotline12345.notification.verification.CodeTexts;
import org.hotline12345.notification.verification.PhoneVerification;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Texts a code made again as the receipt of a public channel's ticket, with the new code: the same words and link,
 * the same quiet hours, and counted against the number's texts of the day like the receipt. Each round is its own
 * text, made once however often it is asked for.
 */
@Component
class CodesTexted implements CodeTexts {

    private final CitizenContacts contacts;
    private final CitizenTexts texts;

    CodesTexted(CitizenContacts contacts, CitizenTexts texts) {
        this.contacts = contacts;
        this.texts = texts;
    }

    @Override
    public Mono<Void> textCode(PhoneVerification.NewCode code) {
        return contacts.ofTicket(code.ticketId())
                .flatMap(contact -> texts.text(contact, CitizenTexts.PUBLIC_RECEIPT, "code:" + code.round(),
                        Map.of("code", code.code())));
    }
}
