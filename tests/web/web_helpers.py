"""Web test helpers: the app over a real SQLite ledger file built with the real services.

One small county is built once per session (units, records with evidence, targets,
accounts of every role) and copied for each test module or test that writes, so
tests stay independent without paying for the build each time.

    示例县 ─ 城关镇 ─ 红峰村, 荷田村
           └ 青山镇 ─ 桃园村
    外县 (another tree)

Accounts: one per role at 城关镇 (own = 城关镇, subordinate = 红峰村, sibling = 青山镇,
parent = 示例县), the village 填报人 `hongfeng` (红峰村) and the county 管理员 `admin`.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient

from taizhang.ledger import Ledger
from taizhang.web import WebConfig, create_app

PASSWORD = "secret-pass-1"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
UNITS = (("示例县", "县区", None), ("城关镇", "乡镇街道", "示例县"), ("红峰村", "村社区", "城关镇"),
         ("荷田村", "村社区", "城关镇"), ("青山镇", "乡镇街道", "示例县"), ("桃园村", "村社区", "青山镇"),
         ("外县", "县区", None))
ROLES = ("只读", "填报人", "审核人", "管理员")
ROLE_USERS = {"只读": "town_reader", "填报人": "town_filler", "审核人": "town_reviewer", "管理员": "town_admin"}
EXTRA_USERS = (("hongfeng", "填报人", "红峰村"), ("admin", "管理员", "示例县"), ("outsider", "管理员", "外县"),
               ("qingshan", "只读", "青山镇"))
# Relation of a unit to the 城关镇 accounts.
RELATION_UNIT = {"own": "城关镇", "subordinate": "红峰村", "sibling": "青山镇", "parent": "示例县", "foreign": "外县"}


@dataclass
class Built:
    db: Path
    files: Path
    units: dict[str, int]
    records: dict[str, int]  # unit name → its record id
    evidence: dict[str, int]  # unit name → evidence id of its record
    targets: dict[str, int]  # unit name → target id
    users: dict[str, int]  # username → id
    tokens: dict[str, str]  # username → API token


def lecture(title: str, day: str = "2025-03-04", audience: int = 100) -> dict:
    return {"activity_type": "理论宣讲", "date_start": day, "title": title, "place": "党群服务中心",
            "quantities": {"受众人次": audience}}


def build(base: Path) -> Built:
    db, files = base / "web.db", base / "web-files"
    ledger = Ledger.open(str(db), files_dir=files)
    ids = {}
    for name, level, parent in UNITS:
        ids[name] = ledger.add_unit(name, level, ids.get(parent) if parent else None).id
    proof = base / "proof.png"
    proof.write_bytes(PNG)
    records, evidence, target_ids = {}, {}, {}
    for name, unit_id in ids.items():
        rec = ledger.create_record_with_uploads(unit_id, lecture(f"{name}理论宣讲"), [(proof, f"{name}签到.png")])
        records[name] = rec.id
        evidence[name] = ledger.evidence(rec.id)[0].id
        target_ids[name] = ledger.set_target(unit_id, 2025, "theory_lecture.count", 10).id
    users = {}
    for role, username in ROLE_USERS.items():
        users[username] = ledger.create_user(username, PASSWORD, role, ids["城关镇"]).id
    for username, role, unit in EXTRA_USERS:
        users[username] = ledger.create_user(username, PASSWORD, role, ids[unit]).id
    tokens = {name: ledger.create_token(uid, "测试")[1] for name, uid in users.items()}
    ledger.close()
    return Built(db, files, ids, records, evidence, target_ids, users, tokens)


class Site:
    """A private copy of the built ledger with its app."""

    def __init__(self, built: Built, where: Path, **config):
        where.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built.db, where / "web.db")
        shutil.copytree(built.files, where / "web-files")
        self.built = built
        self.ledger = Ledger.open(str(where / "web.db"), files_dir=where / "web-files")
        config.setdefault("work_dir", where / "work")
        self.config = WebConfig(secret_key="test-secret-key-0123456789", **config)
        self.app = create_app(self.ledger, self.config)

    def client(self, username: str | None = None, password: str = PASSWORD) -> TestClient:
        client = TestClient(self.app)
        if username:
            login(client, username, password)
        return client

    def close(self) -> None:
        self.ledger.close()


def csrf_of(client: TestClient, path: str = "/login") -> str:
    page = client.get(path)
    found = re.search(r'name="csrf-token" content="([^"]+)"', page.text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD):
    token = csrf_of(client)
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    return response


def csrf(client: TestClient) -> str:
    """The CSRF token of a logged-in client's session."""
    return csrf_of(client, "/check")
