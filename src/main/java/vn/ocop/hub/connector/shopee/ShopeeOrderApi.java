package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the hub reads back from Shopee about orders and pushes, through the same signed client,
 * tokens and error classes as the listing calls. Answers are the envelope's {@code response}
 * object as Shopee documents it; turning them into canonical events is the callback side's job.
 */
public interface ShopeeOrderApi {

    String ORDER_DETAIL = "/api/v2/order/get_order_detail";
    String LOST_PUSH = "/api/v2/push/get_lost_push_message";
    String CONFIRM_LOST_PUSH = "/api/v2/push/confirm_consumed_lost_push_message";

    /** {@code GET get_order_detail?order_sn_list=…} with the item list: {@code {order_list:[…]}}. */
    JsonNode orderDetail(String orderSn);

    /**
     * {@code GET get_lost_push_message}: the earliest (up to 100) pushes of the last three days that
     * Shopee could not deliver and nobody confirmed, {@code {push_message_list, has_next_page,
     * last_message_id}}.
     */
    JsonNode lostPushMessages();

    /** {@code POST confirm_consumed_lost_push_message {last_message_id}}: those are stored, do not offer them again. */
    void confirmConsumedLostPush(long lastMessageId);
}
