"""Locust users for `make load` (no Django import here: gevent and Django do not mix).

Read from the environment (set by ``bench.load.run``):
  LOAD_PEOPLE    JSON written by ``manage.py prepare_load_test`` (sessions, URLs)
  LOAD_SCENARIO  ``workshop`` or ``steady``
  LOAD_T0        wall-clock start of the scenario (epoch seconds)
  LOAD_OPEN_S, LOAD_SAVE_S, LOAD_SUBMIT_S   workshop phases: open the quiz, save page by page, submit
  LOAD_STEADY_S  length of the steady load
  LOAD_RECORD    JSON-lines file where each trainee writes what the server said it saved
  LOAD_OFFSET    first trainee used (the steady load takes other trainees than the workshop)

Each simulated trainee writes a line to LOAD_RECORD as soon as the server acknowledges a save
({"ok": true}), and a last line when it is done (submitted or not): whatever stops the run, every
acknowledged answer is on disk, and the checker finds each one in the database (the last value
acknowledged for a question is the one that must be there).
"""

import itertools
import json
import os
import random
import re
import time

import gevent
from locust import HttpUser, events, task
from locust.exception import StopUser

PEOPLE = json.load(open(os.environ["LOAD_PEOPLE"], encoding="utf-8"))
SCENARIO = os.environ.get("LOAD_SCENARIO", "workshop")
T0 = float(os.environ.get("LOAD_T0") or time.time())
OPEN_S = float(os.environ.get("LOAD_OPEN_S", "180"))
SAVE_S = float(os.environ.get("LOAD_SAVE_S", "300"))
SUBMIT_S = float(os.environ.get("LOAD_SUBMIT_S", "10"))
STEADY_S = float(os.environ.get("LOAD_STEADY_S", "300"))
RECORD = os.environ.get("LOAD_RECORD", "saved.jsonl")
OFFSET = int(os.environ.get("LOAD_OFFSET", "0"))
NEXT_TRAINEE = itertools.count(OFFSET)
LANGUAGE = "/en"
# In the fault drill: a 503 ("try again") is tried again after a second, as the quiz's script does.
RETRY_503 = os.environ.get("LOAD_RETRY_503") == "1"

SHOWN = re.compile(r'name="q(\d+)-shown"')
CHOICE = re.compile(r'name="q(\d+)-choice" value="([^"]+)"')
ATTEMPT = re.compile(r"/learn/attempts/(\d+)/")


_record = None


def record(**line) -> None:
    """One JSON line, written and flushed at once (a greenlet does not yield inside a write)."""
    global _record
    if _record is None:
        _record = open(RECORD, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 -- open for the run
    _record.write(json.dumps(line) + "\n")
    _record.flush()


def sleep_until(moment: float) -> None:
    delay = moment - time.time()
    if delay > 0:
        gevent.sleep(delay)


class Trainee(HttpUser):
    abstract = True

    def on_start(self):
        index = next(NEXT_TRAINEE)
        if index >= len(PEOPLE["trainees"]):
            raise StopUser()
        self.person = PEOPLE["trainees"][index]
        self.client.cookies.set(PEOPLE["session_cookie"], self.person["session"])

    def csrf(self) -> dict:
        return {"X-CSRFToken": self.client.cookies.get(PEOPLE["csrf_cookie"], ""), "Referer": self.host + "/"}

    def again(self, response) -> bool:
        """Whether to send the request again: a 503 during the fault drill (a second later)."""
        if RETRY_503 and response.status_code in (0, 503):
            gevent.sleep(1)
            return True
        return False

    def get(self, url, name):
        for _ in range(120):
            with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"status {response.status_code}")
            if not self.again(response):
                break
        return response

    def post_redirect(self, url, name, data=None):
        """A form POST that must answer with a redirect; returns its Location (or None)."""
        for _ in range(120):
            with self.client.post(url, data=data or {}, headers=self.csrf(), name=name, allow_redirects=False, catch_response=True) as response:
                if response.status_code != 302:
                    response.failure(f"status {response.status_code}")
            if not self.again(response):
                break
        return response.headers.get("Location", "") if response.status_code == 302 else None

    def open_quiz(self, quiz_id, quiz_url, name):
        self.get(quiz_url, f"{name}: quiz page")
        location = self.post_redirect(f"{LANGUAGE}/learn/quizzes/{quiz_id}/start/", f"{name}: start")
        match = ATTEMPT.search(location or "")
        return int(match.group(1)) if match else None

    def save(self, attempt_id, page, fields, name="save") -> bool:
        data = {"page": str(page), **fields}
        for _ in range(120):
            with self.client.post(
                f"{LANGUAGE}/learn/attempts/{attempt_id}/save/", data=data, headers={**self.csrf(), "X-Requested-With": "fetch"},
                name=name, allow_redirects=False, catch_response=True,
            ) as response:
                try:
                    ok = response.status_code == 200 and response.json().get("ok") is True
                except ValueError:
                    ok = False
                if not ok:
                    response.failure(f"status {response.status_code}: {response.text[:120]}")
            if ok or not self.again(response):
                return ok
        return False


class WorkshopTrainee(Trainee):
    """Opens the timed quiz, answers it page by page, submits in the last seconds."""

    @task
    def workshop(self):
        errors, user_id = 0, self.person["user_id"]
        sleep_until(T0 + random.uniform(0, OPEN_S))
        attempt_id = self.open_quiz(PEOPLE["quiz_id"], PEOPLE["quiz_url"], "workshop")
        record(user_id=user_id, attempt_id=attempt_id, opened=True)
        pages = PEOPLE["questions"]
        submitted = False
        if attempt_id is not None:
            for page in range(pages):
                sleep_until(T0 + OPEN_S + SAVE_S * (page + random.uniform(0.05, 0.8)) / pages)
                html = self.get(f"{LANGUAGE}/learn/attempts/{attempt_id}/?page={page}", "attempt page").text
                choices = {}
                for position, token in CHOICE.findall(html):
                    choices.setdefault(position, []).append(token)
                for position in SHOWN.findall(html):
                    if position in choices:
                        steps = [("choice", random.choice(choices[position])) for _ in range(2)]
                    else:  # typed: a first save while typing, then the final text
                        text = f"u{self.person['user_id']} q{position} passport {random.randrange(10**6)}"
                        steps = [("text", text[:12]), ("text", text)]
                    for kind, value in steps:
                        if self.save(attempt_id, page, {f"q{position}-shown": "1", f"q{position}-{kind}": value}):
                            record(user_id=user_id, attempt_id=attempt_id, position=position, saved={kind: value})
                        else:
                            errors += 1
                        gevent.sleep(random.uniform(0.5, 2.0))
            sleep_until(T0 + OPEN_S + SAVE_S + random.uniform(0, SUBMIT_S))
            location = self.post_redirect(f"{LANGUAGE}/learn/attempts/{attempt_id}/submit/", "submit")
            submitted = bool(location)
            if location:
                self.get(location, "review")
        record(user_id=user_id, attempt_id=attempt_id, done=True, submitted=submitted, save_errors=errors)
        raise StopUser()


class SteadyTrainee(Trainee):
    """Reads lessons, now and then takes the practice quiz (start, save, submit, review)."""

    def wait_time(self):
        return random.uniform(2.0, 5.0)

    @task(4)
    def read(self):
        if time.time() > T0 + STEADY_S:
            raise StopUser()
        self.get(random.choice(PEOPLE["lesson_urls"]), "lesson")

    @task(1)
    def practise(self):
        if time.time() > T0 + STEADY_S:
            raise StopUser()
        attempt_id = self.open_quiz(PEOPLE["practice_id"], PEOPLE["practice_url"], "practice")
        if attempt_id is None:
            return
        html = self.get(f"{LANGUAGE}/learn/attempts/{attempt_id}/", "practice: attempt page").text
        fields = {}
        for position in SHOWN.findall(html):
            fields[f"q{position}-shown"] = "1"
            fields[f"q{position}-text"] = random.choice(["passport", "contract", "debt bondage"])
        self.save(attempt_id, 0, fields, name="practice: save")
        location = self.post_redirect(f"{LANGUAGE}/learn/attempts/{attempt_id}/submit/", "practice: submit")
        if location:
            self.get(location, "practice: review")


@events.init.add_listener
def quit_when_everyone_is_done(environment, **kwargs):
    """Stop the run once every trainee has finished, rather than at the time limit."""

    def watch():
        spawned = False
        while True:
            gevent.sleep(1)
            runner = environment.runner
            if runner is None:
                continue
            spawned = spawned or runner.user_count > 0
            if spawned and runner.user_count == 0:
                gevent.sleep(3)  # the last requests' statistics reach the table
                runner.quit()
                return

    gevent.spawn(watch)


if SCENARIO == "workshop":
    del SteadyTrainee
else:
    del WorkshopTrainee
