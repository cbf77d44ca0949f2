"""Start and stop what a drill needs: databases, Redis, gunicorn, task workers.

Every process is started in its own process group and registered here; ``Stack.stop()`` ends
them all (the drivers call it from ``finally``, and SIGINT/SIGTERM become exceptions so that it
runs on Ctrl-C as well). Nothing here imports Django: the drivers stay free to run locust.
"""

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
BIN = ROOT / ".venv" / "bin"


STARTED = time.monotonic()
RUN_MARK = "PASSAGE_DRILL_RUN"


def say(text: str) -> None:
    print(f"\033[1m==> [{time.monotonic() - STARTED:5.0f} s] {text}\033[0m", flush=True)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_for(url: str, *, timeout: float = 60.0, expect=(200,)) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 -- our own http URL
                if response.status in expect:
                    return
        except Exception as error:  # noqa: BLE001 - any failure means "not yet"
            last = error
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s ({last})")


def raise_on_signals() -> None:
    """Ctrl-C and TERM unwind the driver (its ``finally`` stops what it started)."""

    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


class Stack:
    """The processes a drill started, stopped in reverse order."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        log_dir.mkdir(parents=True, exist_ok=True)
        self.processes: dict[str, subprocess.Popen] = {}
        self.cleanups: list = []
        # Every process started here, and whatever it starts (the PDF pool's forkserver and its
        # children), carries this mark in its environment: ``survivors()`` finds them by it.
        self.mark = f"{os.getpid()}-{time.time_ns()}"

    def start(self, name: str, command: list[str], *, env: dict, user: str | None = None) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")
        if user:
            command = ["runuser", "-u", user, "--", *command]
        env = {**env, RUN_MARK: self.mark}
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)  # noqa: S603 -- our own commands
        self.processes[name] = process
        return process

    def kill(self, name: str, sig=signal.SIGTERM, *, wait: float = 15.0) -> None:
        """Signal the process's group and the groups of all its descendants (rq's work horses
        make their own group), and wait for it."""
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        groups = {process.pid} | {group_of(pid) for pid in descendants(process.pid)}
        groups.discard(None)
        groups.discard(os.getpgid(0))
        for group in groups:
            try:
                os.killpg(group, sig)
            except ProcessLookupError:
                pass
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            for group in groups:
                try:
                    os.killpg(group, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            process.wait(timeout=5)

    def on_stop(self, function) -> None:
        self.cleanups.append(function)

    def stop(self) -> list[str]:
        """Stop everything; returns the processes that had to be killed after their group was
        stopped (empty when the teardown was clean)."""
        for name in reversed(list(self.processes)):
            self.kill(name)
        for function in reversed(self.cleanups):
            try:
                function()
            except Exception as error:  # noqa: BLE001 - stopping goes on whatever failed
                print(f"  cleanup: {error}", file=sys.stderr)
        self.cleanups.clear()
        left = []
        for _ in range(10):  # a process may take a moment to exit after its group's signal
            left = self.survivors()
            if not left:
                return []
            time.sleep(0.5)
        for pid, command in left:
            print(f"  still running after the teardown, killed: {pid} {command[:120]}", file=sys.stderr)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return [f"{pid} {command[:120]}" for pid, command in left]

    def survivors(self) -> list[tuple[int, str]]:
        """Processes of this run still alive (found by the mark in their environment)."""
        wanted = f"{RUN_MARK}={self.mark}".encode()
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                if wanted in (entry / "environ").read_bytes().split(b"\0"):
                    command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
                    state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                    if state != "Z":  # a zombie has ended; its parent (us) reaps it
                        found.append((int(entry.name), command))
            except OSError:
                continue
        return found


def migrations_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(path.read_bytes())
    for lock in ("requirements.lock",):
        digest.update((ROOT / lock).read_bytes())
    return digest.hexdigest()[:12]


def psql(port: int, sql: str, *, database: str = "postgres", check: bool = True) -> str:
    result = subprocess.run(  # noqa: S603 -- fixed arguments, names made here
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql],  # noqa: S607
        capture_output=True, text=True,
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"psql: {result.stderr.strip()}")
    return result.stdout.strip()


def django_env(**extra) -> dict:
    env = dict(os.environ)
    env.update({"PYTHONUNBUFFERED": "1", "PASSAGE_LOAD_TEST": "1", "DJANGO_SETTINGS_MODULE": "lms.settings"})
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(*args: str, env: dict, quiet: bool = True) -> None:
    result = subprocess.run([PY, "manage.py", *args], env=env, cwd=ROOT, capture_output=quiet, text=True)  # noqa: S603
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{(result.stdout or '')[-2000:]}{(result.stderr or '')[-3000:]}")


def fresh_database(*, port: int, name: str, var_dir: Path) -> str:
    """An empty migrated database ``name`` on ``port``, copied from a template migrated once per
    set of migrations (``passage_load_tpl_<digest>``); returns its URL."""
    template = f"passage_load_tpl_{migrations_digest()}"
    if psql(port, f"SELECT 1 FROM pg_database WHERE datname = '{template}'") != "1":  # noqa: S608 -- a hex digest
        say(f"Migrating a template database ({template}, once per set of migrations)")
        for old in psql(port, "SELECT datname FROM pg_database WHERE datname LIKE 'passage_load_tpl_%'").split():
            psql(port, f'DROP DATABASE IF EXISTS "{old}"')
        building = f"{template}_build"
        psql(port, f'DROP DATABASE IF EXISTS "{building}"')
        psql(port, f'CREATE DATABASE "{building}"')
        env = django_env(DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/{building}", PASSAGE_VAR_DIR=var_dir, REDIS_URL="")
        manage("migrate", "--no-input", "-v0", env=env)
        psql(port, f'ALTER DATABASE "{building}" RENAME TO "{template}"')
    psql(port, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(port, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return f"postgres://postgres@127.0.0.1:{port}/{name}"


def signing_key(var_dir: Path, env: dict) -> dict:
    """A throwaway self-signed key, as `make run` makes, so certificates are signed as in production."""
    manage("make_demo_signing_key", "--if-missing", "-v0", env=env)
    return {"PASSAGE_SIGNING_KEY": str(var_dir / "signing" / "demo-key.pem"), "PASSAGE_SIGNING_CERT": str(var_dir / "signing" / "demo-cert.pem")}


def collectstatic(env: dict, var_dir: Path) -> None:
    """Collect static files once per change of any of them (as scripts/run.sh does)."""
    digest = hashlib.sha256((ROOT / "requirements.lock").read_bytes())
    for path in sorted(ROOT.glob("*/static/**/*")) + sorted(ROOT.glob("static/**/*")):
        digest.update(f"{path}{path.stat().st_mtime_ns}".encode())
    stamp = var_dir / f".static-{digest.hexdigest()[:16]}"
    if not stamp.exists():
        manage("collectstatic", "--no-input", "-v0", env=env)
        for old in var_dir.glob(".static-*"):
            old.unlink()
        stamp.touch()


def gunicorn_command(*, port: int, workers: int, threads: int, access_log: Path | None = None) -> list[str]:
    command = [
        str(BIN / "gunicorn"), "lms.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--threads", str(threads), "--log-level", "warning", "--graceful-timeout", "5",
        # Longer than any pause of a simulated trainee, as a reverse proxy keeps its upstream
        # connections: with gunicorn's 2 s, a request sent as the server closes an idle
        # connection fails with a reset (the client's race, not the site's).
        "--keep-alive", "75",
    ]
    if access_log:
        command += ["--access-logfile", str(access_log), "--access-logformat", '%(t)s %(m)s "%(U)s" %(s)s %(M)s']
    return command


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, their children...)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent:
                found.append(child)
                frontier.append(child)
    return found


def group_of(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def children_of(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def which(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} is not on PATH")
    return found


def sleep_until(moment: float) -> None:
    delay = moment - time.time()
    if delay > 0:
        time.sleep(delay)


def worker_command(env: dict) -> list[str]:
    """The task worker for the configured queue: the database queue's db_worker, or rq's worker."""
    if env.get("TASK_BACKEND") == "rq":
        # As scripts/serve-prod.sh runs them; the scheduler brings retried jobs back.
        return [PY, "manage.py", "rqworker", "--worker-class", "lms.taskqueue.Worker", "--job-class", "django_tasks_rq.Job", "--with-scheduler", "default"]
    return [PY, "manage.py", "db_worker", "--queue-name", "*", "--interval", "1", "-v0"]
