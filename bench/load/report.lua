-- One URL under wrk: print requests, duration (µs), socket errors, HTTP errors (status >= 400)
-- and latency p50/p95/p99 (µs) on one line bench/load.py reads.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
