package vn.ocop.hub.fakes.shopee;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Scripted misbehaviour, per API path, consumed in order by the next requests to that path that
 * got past the gateway checks. "Before" faults answer instead of doing the work; "after" faults
 * do the work and then spoil the answer, which is what a client cannot tell from a failure.
 */
final class FakeShopeeFaults {

    sealed interface Fault permits HttpFailure, Refusal, Delay, LostAnswer, EntryFailure {
    }

    /** A gateway or server failure: nothing is done. */
    record HttpFailure(int status) implements Fault {
    }

    /** An envelope error under HTTP 200: nothing is done. */
    record Refusal(String error, String message) implements Fault {
    }

    /** The work is done, the answer comes late (past the client's timeout, typically). */
    record Delay(Duration delay) implements Fault {
    }

    /** The work is done, then the connection is dropped without an answer. */
    record LostAnswer() implements Fault {
    }

    /** A batch call answers with every entry in failure_list and an empty error. */
    record EntryFailure(String reason) implements Fault {
    }

    private final Map<String, Deque<Fault>> byPath = new HashMap<>();

    synchronized void add(String path, Fault fault, int times) {
        Deque<Fault> queue = byPath.computeIfAbsent(path, p -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
    }

    /** The next fault scripted for this path, removed; null when none is left. */
    synchronized Fault next(String path) {
        Deque<Fault> queue = byPath.get(path);
        return queue == null ? null : queue.pollFirst();
    }

    synchronized void clear() {
        byPath.clear();
    }
}
