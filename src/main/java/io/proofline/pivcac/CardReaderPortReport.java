package io.proofline.pivcac;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up where card holders present their card, or that the port is closed and why. */
@Component
class CardReaderPortReport {

    private static final Logger log = LoggerFactory.getLogger(CardReaderPortReport.class);

    private final CardReaderPort port;

    CardReaderPortReport(CardReaderPort port) {
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (port.isOpen()) {
            log.info("PIV/CAC card-reader port: https://localhost:{}", port.localPort());
        } else {
            log.info("PIV/CAC card-reader port closed (no TLS identity configured): card holders are offered the other ways");
        }
    }
}
