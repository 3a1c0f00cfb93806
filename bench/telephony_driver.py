#!/usr/bin/env python3
"""Fixed-rate driver for the voice webhook (issue 5): signs each request exactly as Twilio
does (HMAC-SHA1 over URL + sorted params, Base64), sends at a fixed rate spread over a few
keep-alive connections, and measures latency from each request's *scheduled* send time, so
a slow answer delays the next ones and is counted (no coordinated omission).

    python3 bench/telephony_driver.py --base http://127.0.0.1:PORT --token T --rate 200 --seconds 20
"""
import argparse, base64, hashlib, hmac, http.client, threading, time, urllib.parse


def sign(token, url, params):
    data = url + "".join(k + v for k, v in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def worker(base, public, token, rate, seconds, start, offset, out, errors, idx):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    path = "/telephony/twiml/voice"
    interval = 1.0 / rate
    n = int(rate * seconds)
    for i in range(n):
        due = start + offset + i * interval
        now = time.perf_counter()
        if due > now:
            time.sleep(due - now)
        # A different caller and CallSid each time, as real calls are.
        params = [("AccountSid", "ACbench"), ("CallSid", f"CA{idx:02d}{i:08d}"), ("From", f"+3361{idx:02d}{i % 1000000:06d}"),
                  ("To", "+33199001234"), ("Direction", "inbound"), ("CallStatus", "ringing")]
        body = urllib.parse.urlencode(params)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sign(token, public + path, params)}
        try:
            conn.request("POST", path, body, headers)
            res = conn.getresponse()
            payload = res.read()
            if res.status != 200 or b"<Gather" not in payload:
                errors.append(res.status)
        except Exception as e:  # a broken connection is an error, then reconnect
            errors.append(str(e))
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        out.append((time.perf_counter() - due) * 1000.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--public", help="public base URL the server signs over (default: --base)")
    ap.add_argument("--token", required=True)
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--connections", type=int, default=4)
    a = ap.parse_args()
    public = a.public or a.base
    per = a.rate / a.connections
    start = time.perf_counter() + 0.2
    lat, errors, threads = [], [], []
    for c in range(a.connections):
        t = threading.Thread(target=worker, args=(a.base, public, a.token, per, a.seconds, start, c / a.rate, lat, errors, c))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(len(lat) * p))]
    print(f"requests {len(lat)} errors {len(errors)} rate {a.rate:.0f}/s")
    print(f"p50_ms {pct(0.50):.2f} p90_ms {pct(0.90):.2f} p99_ms {pct(0.99):.2f} max_ms {lat[-1]:.2f}")


if __name__ == "__main__":
    main()
