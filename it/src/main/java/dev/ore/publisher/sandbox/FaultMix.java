package dev.ore.publisher.sandbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often the sandbox answers a create call with a fault instead of the plain success, for
 * chaos runs. Written as {@code name=value} pairs separated by commas, e.g.
 * {@code latency=0.3,rate-limit=0.02,server-error=0.03,reset=0.02,created-500=0.03,created-slow=0.01}:
 * <ul>
 * <li>{@code rate-limit}: the platform's rate-limit answer, nothing created (X: 429 with
 *     {@code x-rate-limit-reset} {@code rate-limit-seconds} ahead; Meta: code 80001 with one
 *     minute to regain access; LinkedIn is left out, see {@link Kind#RATE_LIMIT});</li>
 * <li>{@code server-error}: a 5xx, nothing created;</li>
 * <li>{@code reset}: the connection is reset before any answer, nothing created;</li>
 * <li>{@code created-500}: the post is created, the answer is a 500;</li>
 * <li>{@code created-slow}: the post is created, the success answer comes after
 *     {@code slow-ms} (longer than the client's read timeout, so the client sees a timeout);</li>
 * <li>{@code latency}: independently of the above, the answer waits a uniform
 *     {@code latency-ms} (e.g. {@code 50-800}).</li>
 * </ul>
 * The five kinds exclude each other, their probabilities add up to at most 1. The empty mix
 * (the default) never injects anything.
 */
public record FaultMix(Map<Kind, Double> probabilities, double latency, int latencyMinMillis, int latencyMaxMillis,
                       int slowMillis, int rateLimitSeconds) {

    /** What a create call comes to. */
    public enum Kind {
        SUCCESS,
        /**
         * LinkedIn documents no reset time for its 429 (the worker waits for 00:00 UTC, as
         * platforms.md §2.4 says), which no run can drain, so LinkedIn creates never get this kind.
         */
        RATE_LIMIT,
        SERVER_ERROR,
        RESET,
        CREATED_500,
        CREATED_SLOW;

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final FaultMix NONE = new FaultMix(Map.of(), 0, 0, 0, 3_000, 5);

    public FaultMix {
        probabilities = Map.copyOf(probabilities);
        double sum = probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1 || probabilities.values().stream().anyMatch(p -> p < 0) || latency < 0 || latency > 1) {
            throw new IllegalArgumentException("fault probabilities must be within 0..1 and add up to at most 1");
        }
        if (latencyMinMillis < 0 || latencyMaxMillis < latencyMinMillis) {
            throw new IllegalArgumentException("latency-ms must be a range low-high with 0 <= low <= high");
        }
    }

    /** Parses the {@code name=value,…} form; blank means {@link #NONE}. */
    public static FaultMix parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<Kind, Double> probabilities = new LinkedHashMap<>();
        double latency = 0;
        int[] latencyMillis = {50, 500};
        int slow = NONE.slowMillis();
        int rateLimit = NONE.rateLimitSeconds();
        for (String pair : spec.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected name=value, got '" + pair + "'");
            }
            String name = kv[0].trim();
            String value = kv[1].trim();
            switch (name) {
                case "latency" -> latency = Double.parseDouble(value);
                case "latency-ms" -> latencyMillis = range(value);
                case "slow-ms" -> slow = Integer.parseInt(value);
                case "rate-limit-seconds" -> rateLimit = Integer.parseInt(value);
                default -> probabilities.put(kind(name), Double.parseDouble(value));
            }
        }
        return new FaultMix(probabilities, latency, latencyMillis[0], latencyMillis[1], slow, rateLimit);
    }

    /** Draws the kind for one create call on {@code platform} ({@code x}, {@code meta}, {@code linkedin}). */
    public Kind draw(String platform) {
        double roll = ThreadLocalRandom.current().nextDouble();
        double upTo = 0;
        for (Kind kind : Kind.values()) {
            upTo += probabilities.getOrDefault(kind, 0.0);
            if (roll < upTo) {
                return kind == Kind.RATE_LIMIT && platform.equals("linkedin") ? Kind.SUCCESS : kind;
            }
        }
        return Kind.SUCCESS;
    }

    /** Extra wait for one answer in milliseconds, 0 for most when latency is rare. */
    public int drawLatency() {
        if (latency == 0 || ThreadLocalRandom.current().nextDouble() >= latency) {
            return 0;
        }
        return ThreadLocalRandom.current().nextInt(latencyMinMillis, latencyMaxMillis + 1);
    }

    /** The {@code name=value,…} form, as {@link #parse} reads it. */
    @Override
    public String toString() {
        StringBuilder spec = new StringBuilder();
        for (Kind kind : Kind.values()) {
            if (probabilities.containsKey(kind)) {
                spec.append(kind.key()).append('=').append(probabilities.get(kind)).append(',');
            }
        }
        return spec.append("latency=").append(latency)
                .append(",latency-ms=").append(latencyMinMillis).append('-').append(latencyMaxMillis)
                .append(",slow-ms=").append(slowMillis)
                .append(",rate-limit-seconds=").append(rateLimitSeconds).toString();
    }

    private static Kind kind(String name) {
        for (Kind kind : Kind.values()) {
            if (kind != Kind.SUCCESS && kind.key().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "'; known: rate-limit, server-error, reset, "
                + "created-500, created-slow, latency, latency-ms, slow-ms, rate-limit-seconds");
    }

    private static int[] range(String value) {
        String[] bounds = value.split("-", 2);
        int low = Integer.parseInt(bounds[0].trim());
        return new int[] {low, bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : low};
    }
}
