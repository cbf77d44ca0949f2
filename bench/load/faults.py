"""`make faults`: drills on a private PostgreSQL (initdb, port 5433) and a private Redis (6380),
started here and stopped afterwards; the machine's own servers are never touched.

    python -m bench.load.faults                    # full: 200 certificates, 100 trainees
    FAULTS_SCALE=smoke python -m bench.load.faults # smaller, for CI

Prints a table (fault, pass/fail, evidence), writes bench/results/faults.json; exit status 1
when a drill fails.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.load import stack
from bench.load.stack import ROOT, say

SCALES = {"full": {"CERTIFICATES": 200, "TRAINEES": 100, "SAVE_S": 60}, "smoke": {"CERTIFICATES": 30, "TRAINEES": 20, "SAVE_S": 20}}
PG_PORT, REDIS_PORT = int(os.environ.get("FAULTS_PG_PORT", "5433")), int(os.environ.get("FAULTS_REDIS_PORT", "6380"))
RESULTS = ROOT / "bench" / "results" / "faults.json"
WORK = Path(os.environ.get("FAULTS_DIR") or Path(tempfile.gettempdir()) / "passage-faults")  # the postgres user reads it
VAR = ROOT / "var" / "faults"


class Drill:
    def __init__(self, scale: str):
        self.scale = SCALES[scale]
        self.stack = stack.Stack(VAR / "logs")
        # One dump per set of migrations: a dump left by an older checkout would lack new columns.
        self.dump = WORK / f"template-{stack.migrations_digest()}.dump"
        self.results: list[dict] = []

    # --- servers ------------------------------------------------------------------------------
    def start_postgres(self):
        data = WORK / "pg"
        if not (data / "PG_VERSION").exists():
            shutil.rmtree(data, ignore_errors=True)
            data.mkdir(parents=True)
            shutil.chown(WORK, "postgres")
            shutil.chown(data, "postgres")
            subprocess.run(["runuser", "-u", "postgres", "--", "initdb", "-D", str(data), "-A", "trust", "-U", "postgres"], check=True, capture_output=True)  # noqa: S603, S607
        self.stack.start(
            "postgres",
            ["postgres", "-D", str(data), "-p", str(PG_PORT), "-c", "listen_addresses=127.0.0.1", "-k", str(WORK), "-c", "fsync=off", "-c", "max_connections=200"],
            env=dict(os.environ), user="postgres",
        )
        deadline = time.monotonic() + 30
        while subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", str(PG_PORT)], capture_output=True).returncode != 0:  # noqa: S603, S607
            if time.monotonic() > deadline:
                raise RuntimeError("the private PostgreSQL did not start")
            time.sleep(0.3)

    def stop_postgres(self):
        self.stack.kill("postgres", signal.SIGINT)  # a fast shutdown, as a restart does

    def start_redis(self):
        self.stack.start("redis", ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], env=dict(os.environ))
        deadline = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True, text=True).stdout.strip() != "PONG":  # noqa: S603, S607
            if time.monotonic() > deadline:
                raise RuntimeError("the private Redis did not start")
            time.sleep(0.2)

    def database(self, name: str) -> str:
        """A fresh migrated database on the private server, restored from the template's dump."""
        if not self.dump.exists():
            for stale in WORK.glob("template*.dump"):
                stale.unlink()
            stack.fresh_database(port=5432, name="passage_faults_src", var_dir=VAR)
            subprocess.run(["pg_dump", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-Fc", "-f", str(self.dump), "passage_faults_src"], check=True)  # noqa: S603, S607
            stack.psql(5432, 'DROP DATABASE IF EXISTS "passage_faults_src"')
        stack.psql(PG_PORT, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        stack.psql(PG_PORT, f'CREATE DATABASE "{name}"')
        subprocess.run(["pg_restore", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", name, "--no-owner", str(self.dump)], check=True, capture_output=True)  # noqa: S603, S607
        return f"postgres://postgres@127.0.0.1:{PG_PORT}/{name}"

    def env(self, name: str, *, backend: str, redis_db: int = 0) -> dict:
        var_dir = VAR / name
        shutil.rmtree(var_dir, ignore_errors=True)
        var_dir.mkdir(parents=True)
        env = stack.django_env(
            DATABASE_URL=self.database(f"faults_{name}"), REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/{redis_db}", TASK_BACKEND=backend,
            PASSAGE_VAR_DIR=var_dir, SECRET_KEY="faults-only-" + "x" * 40, STATIC_ROOT=ROOT / "var" / "load" / "static",
        )
        env.update(stack.signing_key(var_dir, env))
        return env

    def drills(self, *args, env) -> dict:
        result = subprocess.run([stack.PY, "-m", "bench.load.drills", *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise RuntimeError(f"drills {args[0]}: {result.stderr[-1500:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def record(self, fault: str, ok: bool, evidence: str, details: dict | None = None):
        self.results.append({"fault": fault, "ok": bool(ok), "evidence": evidence, "details": details or {}})
        print(f"  {'PASS' if ok else 'FAIL'}  {fault}: {evidence}", flush=True)

    def rendered(self, env) -> int:
        name = env["DATABASE_URL"].rsplit("/", 1)[1]
        return int(stack.psql(PG_PORT, "SELECT count(*) FROM certificates_certificate WHERE pdf <> ''", database=name) or 0)

    def rendering_now(self, env, backend: str) -> bool:
        """Whether a certificate's render task is running (database queue row, or rq's started jobs)."""
        if backend == "database":
            name = env["DATABASE_URL"].rsplit("/", 1)[1]
            return stack.psql(PG_PORT, "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING' "
                              "AND task_path = 'certificates.tasks.render_certificate_task'", database=name) not in ("", "0")
        redis = ["redis-cli", "-p", str(REDIS_PORT), "-n", "1"]
        running = subprocess.run([*redis, "ZRANGE", "rq:wip:default", "0", "-1"], capture_output=True, text=True).stdout.split()  # noqa: S603
        for entry in running:
            job = subprocess.run([*redis, "HGET", f"rq:job:{entry.split(':')[0]}", "description"], capture_output=True, text=True).stdout  # noqa: S603
            if "render_certificate_task" in job:
                return True
        return False

    def serve(self, env, *, workers: int = 2) -> str:
        port = stack.free_port()
        self.stack.start("web", stack.gunicorn_command(port=port, workers=workers, threads=4, access_log=Path(env["PASSAGE_VAR_DIR"]) / "access.log"), env=env)
        stack.wait_for(f"http://127.0.0.1:{port}/healthz")
        return f"http://127.0.0.1:{port}"

    # --- (a) ----------------------------------------------------------------------------------
    def worker_killed(self, backend: str):
        count = self.scale["CERTIFICATES"]
        say(f"(a) task worker SIGKILLed while rendering {count} certificates, {backend} queue")
        env = self.env(f"a_{backend}", backend=backend, redis_db=1)
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "-n", "1", "flushdb"], check=True, capture_output=True)  # noqa: S603, S607
        self.drills("certificates", "--count", str(count), env=env)
        self.stack.start("worker", stack.worker_command(env), env=env)
        self.stack.start("periodic", [stack.PY, "manage.py", "run_periodic"], env=env)
        # Killed while it renders: some PDFs made, and a render task running at that moment.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (self.rendered(env) >= max(3, count // 10) and self.rendering_now(env, backend)):
            time.sleep(0.1)
        mid_render = self.rendering_now(env, backend)
        at_kill = self.rendered(env)
        self.stack.kill("worker", signal.SIGKILL)
        self.stack.start("worker", stack.worker_command(env), env=env)
        # A bound on waiting, not a target. rq finds a killed worker's job once its heartbeat
        # (90 s) has expired, at its next registry cleaning (every minute).
        deadline = time.monotonic() + (240 + count * 5 if backend == "rq" else 60 + count * 1.5)
        while self.rendered(env) < count and time.monotonic() < deadline:
            time.sleep(1)
        self.stack.kill("worker")
        self.stack.kill("periodic")
        check = self.drills("certificates-check", env=env)
        self.record(
            f"(a) worker killed, {backend} queue", check["ok"] and mid_render,
            f"killed after {at_kill} PDFs, {'while' if mid_render else 'NOT while'} a render task ran; then {check['certificates']} certificates for {check['completed']} completions, "
            f"{check['duplicated']} duplicated, {check['without_pdf']} without PDF, {check['whole_pdfs']} whole PDFs (pypdf + sha256)",
            check,
        )
        return env

    # --- (b) ----------------------------------------------------------------------------------
    def postgres_restarted(self):
        trainees, save_s = self.scale["TRAINEES"], self.scale["SAVE_S"]
        say(f"(b) PostgreSQL restarted while {trainees} trainees answer a timed quiz")
        env = self.env("b", backend="rq", redis_db=2)
        people_file = VAR / "b" / "people.json"
        record = VAR / "b" / "saved.jsonl"
        stack.manage("prepare_load_test", "--trainees", str(trainees), "--logins", "0", "--output", str(people_file), env=env)
        base = self.serve(env)
        people = json.loads(people_file.read_text())
        t0 = time.time() + 2
        locust_env = {**os.environ, "LOAD_PEOPLE": str(people_file), "LOAD_RECORD": str(record), "LOAD_SCENARIO": "workshop",
                      "LOAD_T0": str(t0), "LOAD_OPEN_S": "5", "LOAD_SAVE_S": str(save_s), "LOAD_SUBMIT_S": "5", "LOAD_RETRY_503": "1"}
        locust = subprocess.Popen(  # noqa: S603
            [str(stack.BIN / "locust"), "-f", str(ROOT / "bench/load/locustfile.py"), "--headless", "-u", str(trainees), "-r", str(trainees),
             "-t", f"{save_s + 90}s", "--host", base, "--csv", str(VAR / "b" / "locust"), "--only-summary", "--loglevel", "WARNING"],
            env=locust_env, cwd=ROOT, stdout=open(VAR / "b" / "locust.log", "wb"), stderr=subprocess.STDOUT,
        )
        stack.sleep_until(t0 + 5 + save_s / 3)
        self.stop_postgres()
        down_at = time.monotonic()
        cookie = f"{people['session_cookie']}={people['trainees'][0]['session']}"
        page = probe(f"{base}/fr{people['quiz_url'][3:]}", cookie=cookie)
        autosave = probe(f"{base}/en/learn/attempts/1/save/", cookie=cookie, data=b"page=0", headers={"X-Requested-With": "fetch"})
        time.sleep(max(0.0, 5 - (time.monotonic() - down_at)))
        self.start_postgres()
        downtime = round(time.monotonic() - down_at, 1)
        locust.wait(timeout=save_s + 120)
        after = probe(f"{base}{people['quiz_url']}", cookie=cookie)
        check = json.loads(subprocess.run(  # noqa: S603
            [stack.PY, "-m", "bench.load.check", "--people", str(people_file), "--record", str(record), "--trainees", str(trainees)],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
        log = (Path(env["PASSAGE_VAR_DIR"]) / "access.log").read_text(errors="replace")
        status_500 = len(re.findall(r'" 50[0-24-9] ', log))
        status_503 = len(re.findall(r'" 503 ', log))
        self.stack.kill("web")
        ok = (page[0] == 503 and "Réessayez" in page[1] or page[0] == 503 and "lang=\"fr\"" in page[1]) and autosave[0] == 503 \
            and after[0] == 200 and check["lost_answers"] == 0 and check["missing_reports"] == 0 \
            and check["trainees_without_exactly_one_attempt"] == 0 and check["attempts_not_finished_and_graded"] == 0 and status_500 == 0
        self.record(
            "(b) PostgreSQL restarted", ok,
            f"down {downtime} s: page {page[0]} (lang fr), autosave {autosave[0]} JSON; {status_503} answers 503, {status_500} other 5xx; "
            f"after: {after[0]} without restarting gunicorn; {check['answers_acknowledged']} answers saved, {check['lost_answers']} lost; "
            f"{check['trainees_without_exactly_one_attempt']} without one attempt, {check['attempts_not_finished_and_graded']} ungraded",
            {"check": check, "page_503": page[1][:400], "autosave_503": autosave[1][:300]},
        )

    # --- (c) ----------------------------------------------------------------------------------
    def redis_stopped(self):
        say("(c) Redis stopped: pages from the database, tasks kept and sent when it returns")
        env = self.env("c", backend="rq", redis_db=3)
        people_file = VAR / "c" / "people.json"
        stack.manage("prepare_load_test", "--trainees", "3", "--logins", "0", "--output", str(people_file), env=env)
        people = json.loads(people_file.read_text())
        base = self.serve(env)
        self.stack.start("worker", stack.worker_command(env), env=env)
        self.stack.start("periodic", [stack.PY, "manage.py", "run_periodic"], env=env)
        self.stack.kill("redis")
        cookie = f"{people['session_cookie']}={people['trainees'][0]['session']}"
        lesson = probe(f"{base}{people['lesson_urls'][0]}", cookie=cookie)
        signed_in = lesson[0] == 200 and "logout" in lesson[1]
        queued = self.drills("certificates", "--count", "3", env=env)
        rendered_while_down = self.rendered(env)
        self.start_redis()
        deadline = time.monotonic() + 120
        while self.rendered(env) < 3 and time.monotonic() < deadline:
            time.sleep(1)
        after = self.rendered(env)
        self.stack.kill("worker")
        self.stack.kill("periodic")
        self.stack.kill("web")
        ok = signed_in and rendered_while_down == 0 and after == 3
        self.record(
            "(c) Redis stopped", ok,
            f"lesson page {lesson[0]} signed in={signed_in} with Redis down; {queued['queued']} certificates queued while down, "
            f"{rendered_while_down} made then, {after} made once Redis returned",
        )

    # --- (d) ----------------------------------------------------------------------------------
    def disk_full(self):
        say("(d) disk full for private files (ENOSPC injected into the storage's writes)")
        env = self.env("d", backend="database")
        result = self.drills("disk-full", env=env)
        self.record(
            "(d) disk full", result["ok"],
            f"error: {result['error_raised']!r}; row points to a file: {result['row_points_to_a_file']}; "
            f"files left behind: {len(result['files_left_behind'])}; rendered whole once space returned: {result['rendered_after_space_returns']}",
            result,
        )

    # --- (e) ----------------------------------------------------------------------------------
    def backup_restored(self, source_env: dict):
        say("(e) backup (pg_dump + private files) restored into a new database and a new private-files root")
        source_db = source_env["DATABASE_URL"].rsplit("/", 1)[1]
        dump = WORK / "backup.dump"
        subprocess.run(["pg_dump", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-Fc", "-f", str(dump), source_db], check=True)  # noqa: S603, S607
        private = VAR / "e-private"
        shutil.rmtree(private, ignore_errors=True)
        shutil.copytree(Path(source_env["PASSAGE_VAR_DIR"]) / "private", private)
        stack.psql(PG_PORT, 'DROP DATABASE IF EXISTS "faults_restored" WITH (FORCE)')
        stack.psql(PG_PORT, 'CREATE DATABASE "faults_restored"')
        subprocess.run(["pg_restore", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", "faults_restored", "--no-owner", str(dump)], check=True)  # noqa: S603, S607
        env = {**source_env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/faults_restored", "PASSAGE_PRIVATE_ROOT": str(private),
               "PASSAGE_VAR_DIR": str(VAR / "e"), "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/4"}
        (VAR / "e").mkdir(exist_ok=True)
        check = self.drills("certificates-check", env=env)
        codes = self.drills("codes", env=env)
        base = self.serve(env)
        verified = [probe(f"{base}/verify/{code}/") for code in codes["codes"]]
        genuine = sum(1 for status, body in verified if status == 200 and serial_in(body, codes["serials"]))
        self.stack.kill("web")
        ok = check["ok"] and genuine == len(codes["codes"]) > 0
        self.record(
            "(e) backup restored", ok,
            f"{check['whole_pdfs']}/{check['certificates']} PDFs whole from the new root; {genuine}/{len(codes['codes'])} verify pages valid",
            check,
        )


def serial_in(body: str, serials: list[str]) -> bool:
    return any(serial in body for serial in serials)


def probe(url: str, *, cookie: str = "", data: bytes | None = None, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, headers={**(headers or {}), **({"Cookie": cookie} if cookie else {})})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 -- our own http URL
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except OSError as error:
        return 0, str(error)


def _repair_font_caches() -> None:
    """Fontconfig's system caches have been found empty after these drills, and every later PDF
    then failed: likely a rendering child scanning the fonts under its memory cap, as root, and
    writing its empty scan there. The renderer now keeps caches of its own (lms/pdf/fonts.py) and
    scans only with the cap lifted; this stays as a last resort. Rebuilt when fc-list lists nothing."""
    if not shutil.which("fc-list"):
        return
    if not subprocess.run(["fc-list"], capture_output=True, text=True).stdout.strip():  # noqa: S603, S607
        subprocess.run(["fc-cache", "--really-force"], capture_output=True)  # noqa: S603, S607
        say("The font caches listed no fonts after the drills: rebuilt (fc-cache --really-force)")


def main() -> int:
    scale = os.environ.get("FAULTS_SCALE", "full")
    if scale not in SCALES:
        raise SystemExit(f"FAULTS_SCALE must be one of {', '.join(SCALES)}")
    stack.raise_on_signals()
    for program in ("initdb", "postgres", "pg_dump", "pg_restore", "redis-server", "runuser"):
        stack.which(program)
    VAR.mkdir(parents=True, exist_ok=True)
    drill = Drill(scale)
    try:
        say(f"Fault drills, {scale} scale: private PostgreSQL on {PG_PORT}, private Redis on {REDIS_PORT}")
        WORK.mkdir(parents=True, exist_ok=True)
        drill.start_postgres()
        drill.start_redis()
        stack.collectstatic(stack.django_env(STATIC_ROOT=ROOT / "var" / "load" / "static", PASSAGE_VAR_DIR=ROOT / "var" / "load"), ROOT / "var" / "load")
        for step in (
            lambda: drill.worker_killed("database"),
            lambda: drill.backup_restored(drill.worker_killed("rq")),
            drill.postgres_restarted,
            drill.redis_stopped,
            drill.disk_full,
        ):
            try:
                step()
            except KeyboardInterrupt:
                raise
            except Exception as error:  # noqa: BLE001 - one drill failing must not hide the others
                drill.record(getattr(step, "__name__", "drill"), False, f"the drill itself failed: {error}")
                for name in ("web", "worker", "periodic"):
                    drill.stack.kill(name)
    except KeyboardInterrupt:
        print("\nInterrupted: stopping what was started.", file=sys.stderr)
        return 130
    finally:
        leftovers = drill.stack.stop()
        _repair_font_caches()
    drill.record("teardown: no process of the run left", not leftovers,
                 f"{len(leftovers)} left after stopping every process group" + (f": {leftovers[:3]}" if leftovers else ""))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"scale": scale, "faults": drill.results}, indent=2) + "\n")
    print("\nfault                                   result  evidence")
    for r in drill.results:
        print(f"  {r['fault']:<36.36} {'pass' if r['ok'] else 'FAIL':<6}  {r['evidence']}")
    failed = [r for r in drill.results if not r["ok"]]
    print(f"\nResults in {RESULTS.relative_to(ROOT)}")
    if failed:
        print(f"FAULTS FAILED: {len(failed)} of {len(drill.results)}", file=sys.stderr)
        return 1
    print("All fault drills passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
