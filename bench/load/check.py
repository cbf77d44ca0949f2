"""After the workshop: what the database holds, against what the simulated trainees were told.

    python -m bench.load.check --people people.json --record saved.jsonl --trainees 500

Run with the same environment as the server (DATABASE_URL). Prints one JSON object: every
acknowledged answer present (``lost_answers``), one attempt and one grade per trainee.
"""

import argparse
import json
import os
import sys


def check(*, people: dict, records: list[dict], trainees: int) -> dict:
    from assessments.models import Answer, Attempt, QuizPage

    quiz = QuizPage.objects.get(pk=people["quiz_id"])
    expected_users = [p["user_id"] for p in people["trainees"][:trainees]]
    # The record holds one line per acknowledged save, in the order of the acknowledgements, and
    # one "done" line per trainee: the last value acknowledged for a question must be stored.
    done = {r["user_id"]: r for r in records if r.get("done")}
    last_saved = {}
    for r in records:
        if "saved" in r:
            last_saved[(r["attempt_id"], int(r["position"]))] = r["saved"]
    attempts = {}
    for attempt in Attempt.all_objects.filter(quiz_key=quiz.translation_key, trainee_id__in=expected_users):
        attempts.setdefault(attempt.trainee_id, []).append(attempt)
    answers = {}
    for attempt_id, position, response in Answer.objects.filter(attempt__quiz_key=quiz.translation_key).values_list("attempt_id", "position", "response"):
        answers[(attempt_id, position)] = response or {}

    acknowledged = lost = 0
    lost_examples = []
    for (attempt_id, position), value in last_saved.items():
        acknowledged += 1
        stored = answers.get((attempt_id, position), {})
        if any(stored.get(key) != wanted for key, wanted in value.items()):
            lost += 1
            if len(lost_examples) < 5:
                lost_examples.append({"attempt": attempt_id, "position": position, "saved": value, "stored": stored})
    not_one_attempt = [u for u in expected_users if len(attempts.get(u, [])) != 1]
    not_graded = [
        u for u in expected_users
        if len(attempts.get(u, [])) == 1 and (attempts[u][0].status != Attempt.Status.FINISHED or attempts[u][0].grade is None)
    ]
    return {
        "trainees": trainees,
        "reported": len(done),
        "missing_reports": len(set(expected_users) - set(done)),
        "not_submitted_by_the_trainee": sum(1 for r in done.values() if not r.get("submitted")),
        "saves_acknowledged": sum(1 for r in records if "saved" in r),
        "answers_acknowledged": acknowledged,
        "lost_answers": lost,
        "lost_examples": lost_examples,
        "trainees_without_exactly_one_attempt": len(not_one_attempt),
        "attempts_not_finished_and_graded": len(not_graded),
        "save_errors_seen_by_trainees": sum(r.get("save_errors", 0) for r in done.values()),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", required=True)
    parser.add_argument("--record", required=True)
    parser.add_argument("--trainees", type=int, required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    import django

    django.setup()
    with open(args.people, encoding="utf-8") as source:
        people = json.load(source)
    records = []
    if os.path.exists(args.record):
        with open(args.record, encoding="utf-8") as source:
            records = [json.loads(line) for line in source if line.strip()]
    json.dump(check(people=people, records=records, trainees=args.trainees), sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
