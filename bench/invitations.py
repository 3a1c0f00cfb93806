"""Driver of bench/invitations.sh: a bulk invitation of ROWS people through the JSON API of a
release `relais serve`, then the time until every invitation e-mail has reached a local SMTP
sink (aiosmtpd, in this process). Prints one markdown row per run and database."""

import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from aiosmtpd.controller import Controller

RELAIS = os.environ.get("RELAIS", "target/release/relais")
ROWS = int(os.environ.get("ROWS", "2000"))
RUNS = int(os.environ.get("RUNS", "3"))
PG_URL = os.environ.get("PG_URL", "")
PASSWORD = "bench-password-not-secret-42"


class Sink:
    """Counts the messages received."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, body=None, headers=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=120) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def csv_body(n, run):
    lines = ["nom;email;langues;sujets"]
    lines += [f"Bénévole {i};bench{run}-{i}@example.org;fr|ar;famille-caf" for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def network_id(db_url, workdir):
    if db_url.startswith("sqlite://"):
        con = sqlite3.connect(db_url[len("sqlite://"):])
        (nid,) = con.execute("SELECT id FROM networks WHERE name = 'Bench'").fetchone()
        return nid
    out = subprocess.run(["psql", db_url, "-Atc", "SELECT id FROM networks WHERE name = 'Bench'"], check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def one_run(db_label, db_url, run, sink, smtp_port, workdir):
    env = dict(os.environ, RELAIS_DATABASE_URL=db_url, RELAIS_INTAKE_RATE_LIMIT="0")
    subprocess.run([RELAIS, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(
        [RELAIS, "user", "add", "--role", "coordinator", "--email", f"coord{run}@bench.test", "--networks", "Bench", "--password-stdin"],
        env=env, input=PASSWORD.encode(), check=True, capture_output=True,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(workdir, f"serve-{db_label}-{run}.log"), "w")
    server = subprocess.Popen(
        [RELAIS, "serve", "--bind", f"127.0.0.1:{port}", "--smtp-url", f"smtp://127.0.0.1:{smtp_port}",
         "--mail-from", "Relais <noreply@bench.test>", "--public-url", base],
        env=env, stdout=log, stderr=log,
    )
    try:
        for _ in range(200):
            try:
                if request("GET", base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.05)
        status, body = request("POST", base + "/api/v1/auth/token",
                               json.dumps({"email": f"coord{run}@bench.test", "password": PASSWORD}).encode(),
                               {"content-type": "application/json"})
        assert status == 200, body
        token = json.loads(body)["token"]
        nid = network_id(db_url, workdir)
        payload = csv_body(ROWS, run)
        before = sink.count
        t0 = time.perf_counter()
        status, body = request("POST", f"{base}/api/v1/networks/{nid}/invitations", payload,
                               {"authorization": f"Bearer {token}", "content-type": "text/csv"})
        accepted = time.perf_counter() - t0
        assert status == 201, body
        assert json.loads(body)["invited"] == ROWS, body
        deadline = time.time() + 600
        while sink.count - before < ROWS and time.time() < deadline:
            time.sleep(0.02)
        delivered = time.perf_counter() - t0
        got = sink.count - before
        return accepted, delivered, got
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def main():
    workdir = tempfile.mkdtemp(prefix="relais-bench-invitations-")
    sink = Sink()
    smtp_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    dbs = []
    results = {}
    try:
        for run in range(RUNS):
            path = os.path.join(workdir, f"sqlite-{run}")
            os.makedirs(path)
            dbs.append(("SQLite", f"sqlite://{path}/relais.db", run))
            if PG_URL:
                name = f"relais_bench_inv_{os.getpid()}_{run}"
                subprocess.run(["psql", PG_URL, "-qc", f"CREATE DATABASE {name}"], check=True)
                dbs.append(("PostgreSQL", PG_URL.rsplit("/", 1)[0] + "/" + name, run))
        for label, url, run in dbs:
            accepted, delivered, got = one_run(label, url, run, sink, smtp_port, workdir)
            results.setdefault(label, []).append((accepted, delivered, got))
            print(f"{label} run {run + 1}: accepted in {accepted:.3f} s; {got}/{ROWS} e-mails delivered after {delivered:.2f} s "
                  f"({got / delivered:.0f} messages/s)", file=sys.stderr)
    finally:
        controller.stop()
        if PG_URL:
            for label, url, run in dbs:
                if label == "PostgreSQL":
                    subprocess.run(["psql", PG_URL, "-qc", f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)"])
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"| database | rows | accepted (median of {RUNS}) | all e-mails delivered (median) | rate (messages/s) | target |")
    print("|---|---|---|---|---|---|")
    for label, rs in results.items():
        acc = statistics.median(r[0] for r in rs)
        dl = statistics.median(r[1] for r in rs)
        ok = all(r[2] == ROWS for r in rs)
        print(f"| {label} | {ROWS} | {acc:.3f} s | {dl:.2f} s{'' if ok else ' (some missing)'} | {ROWS / dl:.0f} | accepted < 5 s: {'met' if acc < 5 else 'NOT met'} |")


if __name__ == "__main__":
    main()
