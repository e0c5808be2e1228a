package vn.ocop.hub.producer;

import org.springframework.stereotype.Service;
import vn.ocop.hub.ingest.IngestService;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Where every normaliser (chain inbox files, marketplace callbacks, pulled event queues) hands
 * its canonical events. One transaction per batch: the events, and the stock they move, commit
 * together or not at all, so a file or callback is either wholly applied or can be retried.
 */
@Service
public class ProducerEvents {

    private final ProducerEventStore store;
    private final OrderStockEffects stock;
    private final IngestService ingest;
    private final TransactionTemplate tx;

    public ProducerEvents(ProducerEventStore store, OrderStockEffects stock, IngestService ingest,
                          TransactionTemplate tx) {
        this.store = store;
        this.stock = stock;
        this.ingest = ingest;
        this.tx = tx;
    }

    /**
     * Stores the events not seen before; orders among them move stock when {@code ordersMoveStock}.
     *
     * @return how many were new
     */
    public int publish(List<? extends ProducerEvent> events, boolean ordersMoveStock) {
        return publish(events, ordersMoveStock, false);
    }

    /**
     * As {@link #publish(List, boolean)}; with {@code reportsSetStock}, each new INVENTORY event's
     * quantity also becomes its listing's stock (a partner holding the producer's stock), in order,
     * so the last report of a listing wins.
     */
    public int publish(List<? extends ProducerEvent> events, boolean ordersMoveStock, boolean reportsSetStock) {
        Integer added = tx.execute(status -> {
            int n = 0;
            for (ProducerEvent event : events) {
                if (!store.append(event)) {
                    continue;
                }
                n++;
                if (ordersMoveStock && event instanceof OrderEvent order) {
                    stock.apply(order);
                } else if (reportsSetStock && event instanceof InventoryEvent report) {
                    ingest.updateStock(report.ocopId(), (int) Math.min(report.quantity(), Integer.MAX_VALUE));
                }
            }
            return n;
        });
        return added == null ? 0 : added;
    }
}
