package vn.ocop.hub.fakes.tiki;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Scripted trouble for the next matching calls. A fault before processing (a failure or a
 * throttle) replaces the answer and nothing is applied; a fault after processing (a delay or a
 * lost answer) applies the call and then holds back or drops its answer, which is what a client
 * timing out or losing its connection experiences.
 */
final class TikiFaults {

    sealed interface Fault permits Fail, Throttle, Delay, Lose {
    }

    record Fail(int status) implements Fault {
    }

    record Throttle() implements Fault {
    }

    record Delay(Duration delay) implements Fault {
    }

    record Lose() implements Fault {
    }

    private static final class Rule {
        final String method;
        final String pathPrefix;
        final Fault fault;
        int remaining;

        Rule(String method, String pathPrefix, Fault fault, int times) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.fault = fault;
            this.remaining = times;
        }

        boolean matches(String m, String path) {
            return (method == null || method.equalsIgnoreCase(m)) && path.startsWith(pathPrefix);
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    synchronized void add(String method, String pathPrefix, int times, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1: " + times);
        }
        rules.add(new Rule(method, pathPrefix, fault, times));
    }

    /** The first scripted failure or throttle for this call, used up. */
    synchronized Optional<Fault> before(String method, String path) {
        return take(method, path, f -> f instanceof Fail || f instanceof Throttle);
    }

    /** The first scripted delay or lost answer for this call, used up. */
    synchronized Optional<Fault> after(String method, String path) {
        return take(method, path, f -> f instanceof Delay || f instanceof Lose);
    }

    synchronized void clear() {
        rules.clear();
    }

    private Optional<Fault> take(String method, String path, java.util.function.Predicate<Fault> kind) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (kind.test(rule.fault) && rule.matches(method, path)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }
}
