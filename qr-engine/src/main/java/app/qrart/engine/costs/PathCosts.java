package app.qrart.engine.costs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a scan path's CPU goes, per thread: each {@link Part} timed by the thread's CPU clock,
 * exclusively (a part timed inside another is not counted in the outer one too), and counted.
 * The benchmarks read a thread's tally ({@link #take}); the gateway never does, and a tally
 * nobody takes costs a clock read per timed part.
 */
public final class PathCosts {

    /** What a scan path spends its time on. */
    public enum Part {
        /** Reading the image at full size with every reader (the gate of a rung or a candidate). */
        GATE,
        /** The repair's camera plans: modelled camera views binarized and sampled as readers do. */
        PLAN,
        /** The model of the readers: the suite's likeliest failures read, the rest assumed. */
        PREDICTION,
        /** The real readers over the whole camera suite: a confirmation, or an unrepaired candidate's measure. */
        CONFIRMATION,
        /** The plain code's suite score a robustness is relative to. */
        REFERENCE,
        /** Painting a rung: plans, dots and the pixels-changed count. */
        PAINT
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURES = THREADS.isCurrentThreadCpuTimeSupported();

    private static final ThreadLocal<Tally> TALLY = ThreadLocal.withInitial(Tally::new);

    private PathCosts() {}

    /** Per part: CPU nanoseconds and how many times it ran. */
    public static final class Tally {
        private final Map<Part, long[]> parts = new EnumMap<>(Part.class);
        private long agreed;
        private long contradicted;
        private Part running;
        private long childNanos;

        /** CPU nanoseconds spent in the part (exclusive of parts timed inside it). */
        public long nanos(Part part) {
            long[] slot = parts.get(part);
            return slot == null ? 0 : slot[0];
        }

        /** How many confirmations agreed with the model of the readers on whether the target is met. */
        public long agreed() {
            return agreed;
        }

        /** How many confirmations contradicted the model of the readers on whether the target is met. */
        public long contradicted() {
            return contradicted;
        }

        /** How many times the part ran. */
        public long count(Part part) {
            long[] slot = parts.get(part);
            return slot == null ? 0 : slot[1];
        }

        /** What was added to this tally since the earlier copy of it. */
        public Tally since(Tally earlier) {
            Tally out = new Tally();
            for (Part part : Part.values()) {
                out.parts.put(part, new long[] {nanos(part) - earlier.nanos(part), count(part) - earlier.count(part)});
            }
            out.agreed = agreed - earlier.agreed;
            out.contradicted = contradicted - earlier.contradicted;
            return out;
        }
    }

    /** Runs the work as this part of the current thread's path. */
    public static <T> T time(Part part, Supplier<T> work) {
        Tally tally = TALLY.get();
        Part outer = tally.running;
        long outerChildren = tally.childNanos;
        tally.running = part;
        tally.childNanos = 0;
        long start = cpuNanos();
        try {
            return work.get();
        } finally {
            long spent = cpuNanos() - start;
            long[] slot = tally.parts.computeIfAbsent(part, p -> new long[2]);
            slot[0] += spent - tally.childNanos;
            slot[1]++;
            tally.running = outer;
            tally.childNanos = outerChildren + (outer == null ? 0 : spent);
        }
    }

    /** Notes whether a confirmation by the real readers agreed with the model's prediction. */
    public static void verdict(boolean agreed) {
        Tally tally = TALLY.get();
        if (agreed) {
            tally.agreed++;
        } else {
            tally.contradicted++;
        }
    }

    /** A copy of the current thread's tally so far (it goes on counting). */
    public static Tally snapshot() {
        return TALLY.get().since(new Tally());
    }

    /** The current thread's tally so far, and a fresh one from now on. */
    public static Tally take() {
        Tally tally = TALLY.get();
        TALLY.set(new Tally());
        return tally;
    }

    private static long cpuNanos() {
        return MEASURES ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
