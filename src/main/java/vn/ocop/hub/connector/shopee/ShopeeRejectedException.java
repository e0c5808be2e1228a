package vn.ocop.hub.connector.shopee;

import vn.ocop.hub.connector.PermanentPartnerException;

/**
 * Shopee refused the content. Keeps Shopee's error code so the adapter can recognise the few
 * refusals it can recover from (item gone, image id expired, a similar item already there).
 */
final class ShopeeRejectedException extends PermanentPartnerException {

    private final String code;
    private final String shopeeMessage;

    ShopeeRejectedException(String what, String code, String shopeeMessage, String describedAnswer) {
        super("Shopee rejected " + what + ": " + describedAnswer);
        this.code = code;
        this.shopeeMessage = shopeeMessage == null ? "" : shopeeMessage;
    }

    String code() {
        return code;
    }

    boolean itemMissing() {
        return ShopeeErrors.meansItemMissing(code, shopeeMessage);
    }

    /** add_item's "A similar product has already been uploaded". */
    boolean similarItemExists() {
        return code.equals("error_repeated_mtsku");
    }

    /** add_item/update_item's "Image not exist.": an image id we cached is no longer known. */
    boolean imageMissing() {
        return shopeeMessage.toLowerCase(java.util.Locale.ROOT).contains("image not exist");
    }
}
