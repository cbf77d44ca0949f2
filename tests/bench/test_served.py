"""bench/served.py reads wrk's report: a rate only when every answer was a success."""

import pytest

from bench.served import wrk_pages_per_s

REPORT = """Running 10s test @ http://127.0.0.1:8000/en/courses/fifty-lessons/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    25.31ms    5.12ms  60.21ms   80.00%
    Req/Sec   158.20     20.11   200.00     70.00%
  1580 requests in 10.01s, 8.53MB read
{errors}Requests/sec:    157.84
Transfer/sec:    872.71KB
"""


def test_the_rate_is_wrks_requests_per_second():
    assert wrk_pages_per_s(REPORT.format(errors="")) == 157.84


def test_error_answers_are_not_counted_as_pages():
    with pytest.raises(RuntimeError, match="12 answers were errors"):
        wrk_pages_per_s(REPORT.format(errors="  Non-2xx or 3xx responses: 12\n"))


def test_failed_connections_are_not_counted_as_pages():
    report = REPORT.format(errors="  Socket errors: connect 0, read 2, write 0, timeout 0\n")
    with pytest.raises(RuntimeError, match="read 2"):
        wrk_pages_per_s(report)


def test_a_report_without_a_rate_is_an_error():
    with pytest.raises(RuntimeError, match="no Requests/sec line"):
        wrk_pages_per_s("unable to connect to 127.0.0.1:8000 Connection refused\n")
