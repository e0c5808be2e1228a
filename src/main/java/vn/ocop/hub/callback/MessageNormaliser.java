package vn.ocop.hub.callback;

import vn.ocop.hub.producer.ProducerEvent;

import java.util.List;

/**
 * One partner connector's translation of its stored messages into canonical events, fetching
 * what a thin callback leaves out. Throws {@link UnusableMessageException} when the message can
 * never become events as it is; any other exception is taken as passing trouble and retried.
 */
public interface MessageNormaliser {

    /** The {@code connector:} id of the partners this serves (shopee, lazada, tiki, postmart). */
    String connector();

    Normalised normalise(PartnerMessage message);

    /** The events, or none with a note saying why none were needed. */
    record Normalised(List<? extends ProducerEvent> events, String note) {

        public static Normalised of(List<? extends ProducerEvent> events) {
            return new Normalised(List.copyOf(events), null);
        }

        public static Normalised nothing(String why) {
            return new Normalised(List.of(), why);
        }
    }
}
