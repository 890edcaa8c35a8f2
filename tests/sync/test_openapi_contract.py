"""The server's OpenAPI document tells the truth: schemathesis against the real server.

schemathesis (its CLI, in a subprocess) reads ``/openapi.json`` from a server with the CA on
127.0.0.1, generates requests from it (an enrolled device's token on every request, so that the
authenticated operations are reached; it also tries them without) and fails on any 5xx, on any
status or body the document does not declare, on a request the schema forbids that the server
accepts, on an operation that ignores its authentication, and on wrong content types or
headers. The bounded run here (fixed seed, few examples per operation) is part of the default
suite; the long run is ``-m slow`` (README, "Run the tests"):

    bash packaging/dev.sh test -m slow tests/sync/test_openapi_contract.py

Each run prints its case counts (``-s`` shows them; they are also in the report JSON).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.protocol import MARKER_HEADER
from sync.server import admin

SEED = 20261215
# Checks that judge the document and the server together. Left out: positive_data_acceptance
# ("a request the schema allows must succeed"): a chunk whose bytes do not match its
# X-Chunk-Sha256, a CSR that is not a CSR or an enrolment code nobody made match the schema and
# are still refused, as they must be (each refusal is declared).
EXCLUDED_CHECKS = "positive_data_acceptance"
# A request the schema forbids may also be refused with these (besides schemathesis' own list):
# a body over the size limit (413), a protocol version below the minimum (426).
REJECTIONS = [400, 401, 403, 404, 405, 406, 409, 413, 415, 416, 422, 426, 428, 429]
CONFIG = f"""
hooks = "hooks.py"

[generation]
# HTTP carries headers nobody declared (proxies add them): an extra header is not bad input.
allow-extra-parameters = false

[checks.negative_data_rejection]
expected-statuses = {json.dumps([str(code) for code in REJECTIONS])}
"""
# Timestamp requests are raw bytes like any octet stream.
HOOKS = """
import schemathesis

schemathesis.serializer.alias("application/timestamp-query", "application/octet-stream")
"""


def run_schemathesis(
    url: str, token: str, directory: Path, *, max_examples: int, seed: int = SEED
) -> dict[str, Any]:
    """Run the schemathesis CLI against ``url``; its JSON report (with ``exit_code``)."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "schemathesis.toml").write_text(CONFIG)
    (directory / "hooks.py").write_text(HOOKS)
    report = directory / "report.json"
    command = [
        sys.executable, "-m", "schemathesis.cli", "--no-color",
        "--config-file", str(directory / "schemathesis.toml"),
        "run", f"{url}/openapi.json",
        "--checks", "all", "--exclude-checks", EXCLUDED_CHECKS,
        "--seed", str(seed), "--max-examples", str(max_examples),
        "--workers", "1", "--request-timeout", "30",
        "--generation-database", "none", "--continue-on-failure",
        "--header", f"Authorization: Bearer {token}",
        "--report", "json", "--report-json-path", str(report),
        "--output-truncate", "true",
    ]  # fmt: skip
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        command, cwd=directory, env=env, capture_output=True, text=True, check=False
    )
    output = done.stdout + done.stderr
    if not report.exists():
        pytest.fail(f"schemathesis wrote no report (exit {done.returncode}):\n{output[-6000:]}")
    result: dict[str, Any] = json.loads(report.read_text())
    result["output"] = output
    return result


def summary(result: dict[str, Any]) -> str:
    cases = result["test_cases"]
    operations = result.get("operations", {})
    return (
        f"schemathesis {result['schemathesis_version']} seed {result['seed']}: "
        f"{cases['generated']} cases on {operations.get('tested', '?')} operations, "
        f"{cases['with_failures']} with failures ({cases['unique_failures']} unique), "
        f"{cases['errored']} errored, exit {result['exit_code']}"
    )


def assert_contract_holds(result: dict[str, Any]) -> None:
    print(summary(result))
    failures = [f"{f['code']} {f['title']}: {f['operations']}" for f in result["failures"]]
    assert result["exit_code"] == 0 and not failures and not result["errors"], "\n".join(
        [summary(result), *failures, result["output"][-12000:]]
    )
    assert result["test_cases"]["generated"] > 0


def enrolled_token(server: Any) -> str:
    office, _ = server.new_office()
    device = server.enrol(office, "PC schemathesis")
    device.put_office()  # an office record, so that certificate requests get past "unknown"
    return str(device.token)


def test_the_document_declares_what_the_server_answers(module_sync_server: Any) -> None:
    document = requests.get(module_sync_server.url + "/openapi.json", timeout=30).json()
    paths = document["paths"]
    blob = paths["/api/v1/blobs/{sha256}/upload"]["put"]
    (sha,) = [p for p in blob["parameters"] if p["name"] == "sha256"]
    assert sha["schema"]["pattern"] == "^[0-9a-f]{64}$"
    missing = document["components"]["schemas"]["HashList"]["properties"]["hashes"]
    assert missing["items"]["pattern"] == "^[0-9a-f]{64}$" and missing["maxItems"] == 10_000
    assert set(blob["responses"]) >= {"200", "400", "401", "409", "413", "422", "426", "500"}
    enroll = paths["/api/v1/enroll"]["post"]["responses"]
    assert {"403", "429"} <= set(enroll) and "Retry-After" in enroll["429"]["headers"]
    assert "415" in paths["/api/v1/pki/timestamp"]["post"]["responses"]
    problem = document["components"]["schemas"]["Problem"]["properties"]["detail"]
    assert {"type": "string"} in problem["anyOf"]  # not only the list FastAPI declares
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert {"400", "426", "500"} <= set(operation["responses"]), (method, path)
            for status, answer in operation["responses"].items():
                assert MARKER_HEADER in answer["headers"], (method, path, status)
    # An undeclared 422 body no longer hides a string detail: the answer has the declared shape.
    r = requests.get(module_sync_server.url + "/api/v1/blobs/not-a-hash", timeout=30,
                     headers={"Authorization": "Bearer x"})  # fmt: skip
    assert r.status_code == 401 and isinstance(r.json()["detail"], str)


def test_what_schemathesis_found_stays_fixed(module_sync_server: Any) -> None:
    """A NUL in an enrolment was a 500 on PostgreSQL (its text cannot hold one): now a wrong
    office code is refused and a device name cleaned. (A lone surrogate never gets past the
    schema: 422.)"""
    server = module_sync_server
    url = server.url + "/api/v1/enroll"
    office, _ = server.new_office()
    for office_code in ("a\u00a3@e8\u00bdx\u001b*AV\u0000", office + "\u0000", "KEC\n1"):
        body = {"office_code": office_code, "enrol_code": "", "device_name": ""}
        r = requests.post(url, json=body, timeout=30)  # JSON escapes: \u0000
        assert r.status_code == 403, r.text
    body = {"office_code": "\udbc0", "enrol_code": "", "device_name": ""}
    assert requests.post(url, json=body, timeout=30).status_code == 422
    code = server.enrol_code(office)
    body = {"office_code": office, "enrol_code": code, "device_name": "PC\u0000\u001b 1"}
    r = requests.post(url, json=body, timeout=30)
    assert r.status_code == 200, r.text
    listed = {d.id: d.name for d in admin.list_devices(server.engine, office)}
    assert listed[r.json()["device_id"]] == "PC 1"


@pytest.mark.parametrize("module_sync_engine_kind", ["sqlite", "postgresql"], indirect=True)
def test_schemathesis_finds_nothing(module_pki_server: Any, tmp_path: Path) -> None:
    """The bounded run of the default suite: a fixed seed, 25 examples per operation."""
    result = run_schemathesis(
        module_pki_server.url,
        enrolled_token(module_pki_server),
        tmp_path / "schemathesis",
        max_examples=25,
    )
    assert_contract_holds(result)


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_schemathesis_long_run(pki_server: Any, tmp_path: Path) -> None:
    """The long run: 1,000 examples per operation (``-m slow``)."""
    examples = int(os.environ.get("NASKAH_SCHEMATHESIS_EXAMPLES", "1000"))
    result = run_schemathesis(
        pki_server.url,
        enrolled_token(pki_server),
        tmp_path / "schemathesis",
        max_examples=examples,
        seed=int(os.environ.get("NASKAH_SCHEMATHESIS_SEED", str(SEED))),
    )
    assert_contract_holds(result)
