"""Reproducible benchmarks for Naskah (not part of the test run's pass/fail).

    .venv/bin/python -m bench.generate [--letters 100000]   build (or reuse) a benchmark store
    .venv/bin/python -m bench.run [--letters 100000] [--only NAME]   measure and compare to targets

See docs/benchmarks.md.
"""
