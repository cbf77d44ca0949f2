"""Load and fault drills (`make load`, `make faults`): drivers, locustfile and checkers.

Nothing here runs in production: the data builder is reached only through the test-only
command ``prepare_load_test``, which refuses to run outside a load test.
"""
